package dev.whiskstudio.app.debug;

/**
 * A breakpoint as the session has it: {@code WAITING} (not bound yet: the session has not started or the script has
 * not loaded), {@code BOUND} (in the running code, at {@code line}, which the engine may have moved down to the next
 * statement), {@code NOT_MAPPED} (the file is not part of the debugged code), {@code FAILED} (the engine refused it,
 * {@code message} says why).
 */
public record BreakpointStatus(Breakpoint breakpoint, State state, int line, String message) {
    public enum State {
        WAITING, BOUND, NOT_MAPPED, FAILED
    }

    static BreakpointStatus waiting(Breakpoint bp, String message) {
        return new BreakpointStatus(bp, State.WAITING, bp.line(), message);
    }

    static BreakpointStatus bound(Breakpoint bp, int line) {
        return new BreakpointStatus(bp, State.BOUND, line, null);
    }

    static BreakpointStatus notMapped(Breakpoint bp) {
        return new BreakpointStatus(bp, State.NOT_MAPPED, bp.line(),
                bp.file().getFileName() + " is not part of the code being debugged.");
    }

    static BreakpointStatus failed(Breakpoint bp, String message) {
        return new BreakpointStatus(bp, State.FAILED, bp.line(), message);
    }
}
