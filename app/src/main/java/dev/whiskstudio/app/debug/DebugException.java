package dev.whiskstudio.app.debug;

/**
 * A debugger command that cannot be done now, with the message to show: not paused, the session ended, the frame is
 * gone. Futures of {@link DebugSession} fail with it at once rather than waiting.
 */
public final class DebugException extends RuntimeException {
    public static final String NOT_PAUSED = "The program is not paused.";
    public static final String NOT_STARTED = "The debug session has not started.";

    public DebugException(String message) {
        super(message);
    }

    public DebugException(String message, Throwable cause) {
        super(message, cause);
    }

    static DebugException notPaused() {
        return new DebugException(NOT_PAUSED);
    }

    static DebugException ended(SessionEnd end) {
        return new DebugException("The debug session has ended: " + end.message());
    }
}
