package dev.whiskstudio.app.workspace.sync;

/** How a step of a sync ended. */
public enum StepStatus {
    /** The platform accepted it. */
    DONE,
    /** The platform refused it (or could not be reached); the message says why. */
    FAILED,
    /** Not sent, because a step it needs failed or was skipped. */
    SKIPPED
}
