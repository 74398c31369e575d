package dev.whiskstudio.app.deploy;

/** What a deploy does to one entity, as the preview says it. */
public enum Change {
    /** Not on the target: it is created. */
    CREATE("create"),
    /** On the target, but differs from the project: it is written again. */
    UPDATE("update"),
    /** On the target as the project has it: nothing is sent. */
    UNCHANGED("unchanged"),
    /** On the target with the project's mark, but no longer in the project: deleted only when asked. */
    DELETE("delete");

    private final String word;

    Change(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Whether this change sends anything (a delete only when extra entities are deleted). */
    public boolean writes() {
        return this != UNCHANGED;
    }
}
