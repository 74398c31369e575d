package dev.whiskstudio.sim.controller;

/**
 * How long activations have been held paused by a debugger: time that a blocking invoke or a web action waiting for
 * one does not count. An activation's pauses count for it and for the activation that caused it (a sequence waits
 * for its components).
 */
public interface PausedTime {

    /**
     * Whether an activation can be held paused now (a debug session is on). When not, a wait is an ordinary timeout,
     * exactly as without debugging.
     */
    boolean canPause();

    /** Milliseconds the activation has been held paused so far, a pause going on now included. */
    long pausedMillis(String activationId);

    /** Whether the activation is held paused now. */
    boolean isPaused(String activationId);

    /** No debugger: nothing is ever paused. */
    PausedTime NONE = new PausedTime() {
        @Override
        public boolean canPause() {
            return false;
        }

        @Override
        public long pausedMillis(String activationId) {
            return 0;
        }

        @Override
        public boolean isPaused(String activationId) {
            return false;
        }
    };
}
