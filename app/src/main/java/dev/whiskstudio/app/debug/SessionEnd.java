package dev.whiskstudio.app.debug;

/**
 * How a session ended, with a message for the user.
 *
 * @param kind    {@code FINISHED}: the program ran to its end; {@code DISCONNECTED}: the process exited or the
 *                connection dropped; {@code CLOSED}: the user (or the app) closed the session; {@code FAILED}: it
 *                could not start or attach
 * @param message readable, ends with a full stop
 */
public record SessionEnd(Kind kind, String message) {
    public enum Kind {
        FINISHED, DISCONNECTED, CLOSED, FAILED
    }
}
