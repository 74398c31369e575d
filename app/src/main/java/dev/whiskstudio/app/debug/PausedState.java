package dev.whiskstudio.app.debug;

import java.util.List;
import java.util.Optional;

/**
 * The program held at a location.
 *
 * @param pauseId        counts the session's pauses; values of an earlier pause (frames, scopes, objects) are gone
 * @param reason         why it stopped, and {@code description} the same for the user ("Paused on exception: Error:
 *                       boom")
 * @param frames         the stack, innermost first
 * @param hitBreakpoints the session's breakpoints that stopped it (for {@link PauseReason#BREAKPOINT})
 * @param exception      the thrown value for {@link PauseReason#EXCEPTION}, else null; {@code uncaught} says whether
 *                       the engine saw nobody catching it
 */
public record PausedState(long pauseId, PauseReason reason, String description, List<StackFrame> frames,
                          List<Breakpoint> hitBreakpoints, RemoteValue exception, boolean uncaught) {
    public PausedState {
        frames = List.copyOf(frames);
        hitBreakpoints = List.copyOf(hitBreakpoints);
    }

    /** The innermost frame. */
    public StackFrame topFrame() {
        return frames.get(0);
    }

    /** The innermost frame in the user's code, which an editor shows as the current line. */
    public Optional<StackFrame> userFrame() {
        return frames.stream().filter(f -> f.userLocation() != null).findFirst();
    }

    /** The user's file and line where the program is, as the editor highlights it. */
    public Optional<UserLocation> location() {
        return userFrame().map(StackFrame::userLocation);
    }
}
