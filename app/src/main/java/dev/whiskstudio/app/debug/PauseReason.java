package dev.whiskstudio.app.debug;

/** Why the program paused, as the user thinks of it. */
public enum PauseReason {
    /** A breakpoint of the session was hit. */
    BREAKPOINT("Paused on breakpoint"),
    /** A step (over, into, out) finished. */
    STEP("Paused after step"),
    /** A thrown exception or rejected promise, by the exception setting. */
    EXCEPTION("Paused on exception"),
    /** The user asked to pause. */
    PAUSE_REQUEST("Paused"),
    /** The program's start, when the target was started to wait for the debugger and the session stops on entry. */
    ENTRY("Paused on entry"),
    /** Anything else: a {@code debugger;} statement, an assertion. */
    OTHER("Paused");

    private final String label;

    PauseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
