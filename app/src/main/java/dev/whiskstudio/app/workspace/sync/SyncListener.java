package dev.whiskstudio.app.workspace.sync;

/**
 * Hears a sync's progress, on the thread that runs it (a UI hands the calls over to its own thread). Indexes are
 * 0-based; {@code total} is the plan's size.
 */
public interface SyncListener {
    SyncListener NONE = (index, total, result) -> { };

    /** A step is about to be sent. */
    default void started(int index, int total, SyncStep step) {
    }

    /** A step ended: done, failed or skipped. */
    void finished(int index, int total, StepResult result);
}
