package dev.whiskstudio.app.debug;

/**
 * When a thrown exception pauses the program: never, when nothing catches it, or always (also caught ones).
 *
 * <p>"Uncaught" is the engine's judgement when the exception is thrown: an action's exception that reaches our
 * proxy is caught there (the proxy turns it into the activation's error), so for actions only exceptions the engine
 * sees nobody handling (a promise rejected before anyone listens to it, a throw in a timer) stop in this mode;
 * {@link #ALL} stops at every throw.
 */
public enum ExceptionPause {
    NONE("none"), UNCAUGHT("uncaught"), ALL("all");

    private final String protocolState;

    ExceptionPause(String protocolState) {
        this.protocolState = protocolState;
    }

    /** The {@code Debugger.setPauseOnExceptions} state. */
    public String protocolState() {
        return protocolState;
    }
}
