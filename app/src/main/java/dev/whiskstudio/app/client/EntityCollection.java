package dev.whiskstudio.app.client;

/** The entity collections of a namespace, each under {@code /api/v1/namespaces/{ns}/{path}}. */
public enum EntityCollection {
    ACTIONS("actions", "Actions"),
    PACKAGES("packages", "Packages"),
    TRIGGERS("triggers", "Triggers"),
    RULES("rules", "Rules");

    private final String path;
    private final String title;

    EntityCollection(String path, String title) {
        this.path = path;
        this.title = title;
    }

    /** The URL segment, which is also the key of the platform's {@code ?count=true} answer. */
    public String path() {
        return path;
    }

    /** The plural as a person reads it. */
    public String title() {
        return title;
    }
}
