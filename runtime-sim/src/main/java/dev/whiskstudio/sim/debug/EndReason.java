package dev.whiskstudio.sim.debug;

/** Why a debug session ended: a code for programs and a sentence for people. */
enum EndReason {
    DELETED("deleted", "The debug session was closed."),
    CONTAINER_EXITED("container-exited", "The action's debug container exited."),
    TIMEOUT("timeout", "The action exceeded its time limit; its debug container was removed."),
    ACTION_FAILED("action-failed", "The action failed (an uncaught exception, a crash or an invalid result); its debug "
            + "container was removed."),
    ACTION_UPDATED("action-updated", "The action was updated, so its debug container runs old code: the debug "
            + "session ended. Start a new one to debug the new code."),
    REPLACED("replaced", "A new debug session of the action replaced this one."),
    SIMULATOR_STOPPED("simulator-stopped", "The simulator stopped.");

    final String code;
    final String message;

    EndReason(String code, String message) {
        this.code = code;
        this.message = message;
    }
}
