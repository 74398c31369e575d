package dev.whiskstudio.app.deploy;

/** How one entity of a deploy ended. */
public enum ItemStatus {
    /** Written (created, updated or deleted). */
    DONE("done"),
    /** Already as the project has it: nothing sent. */
    UNCHANGED("unchanged"),
    /** The target refused it, or could not be reached; the message says why. */
    FAILED("failed"),
    /** Not sent: something it needs failed or is missing, or (an extra entity) deleting was not asked for. */
    SKIPPED("skipped"),
    /** Never reached: the deploy was cancelled or stopped before it. */
    NOT_RUN("not run");

    private final String word;

    ItemStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The entity is on the target as the project has it. */
    public boolean ok() {
        return this == DONE || this == UNCHANGED;
    }
}
