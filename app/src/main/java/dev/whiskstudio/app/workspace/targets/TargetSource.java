package dev.whiskstudio.app.workspace.targets;

/** Where a target was found, for the UI to say (and to tell which targets the user may edit). */
public enum TargetSource {
    SIMULATOR("simulator", "Embedded simulator"),
    WSKPROPS("wskprops", "wsk CLI properties"),
    AIO_PROJECT("aio", "aio project .env"),
    USER("user", "Added by you");

    private final String key;
    private final String label;

    TargetSource(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** A short stable word, the prefix of a {@link TargetEntry#id()}. */
    public String key() {
        return key;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }

    /** Only the user's own targets are edited in the app; the others belong to their files. */
    public boolean editable() {
        return this == USER;
    }
}
