package dev.whiskstudio.app.deploy;

/**
 * Hears a deploy's progress per entity, on the thread that runs it (a UI hands the calls over to its own thread).
 * Indexes are 0-based over the preview's items.
 */
public interface DeployListener {
    DeployListener NONE = (index, total, result) -> { };

    /** An entity is about to be handled. */
    default void started(int index, int total, DeployItem item) {
    }

    /** An entity ended: done, unchanged, failed, skipped or not run. */
    void finished(int index, int total, ItemResult result);
}
