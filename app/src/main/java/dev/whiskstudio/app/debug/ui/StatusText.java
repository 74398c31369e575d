package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.DebugState;
import dev.whiskstudio.app.debug.PausedState;
import dev.whiskstudio.app.debug.SessionEnd;
import dev.whiskstudio.app.debug.StackFrame;

/** The status line's text for a session's state. */
final class StatusText {
    private StatusText() {
    }

    static String of(DebugState state, PausedState paused, SessionEnd end) {
        if (state == null) {
            return "No debug session.";
        }
        return switch (state) {
            case NEW -> "The debug session has not started.";
            case STARTING -> "Starting the debug session…";
            case RUNNING -> "Running.";
            case PAUSED -> paused == null ? "Paused." : pausedText(paused);
            case ENDED -> end == null ? "Ended." : "Ended: " + end.message();
        };
    }

    private static String pausedText(PausedState paused) {
        String where = paused.location().map(l -> " at " + l.file().getFileName() + ":" + l.line())
                .orElseGet(() -> paused.frames().isEmpty() ? ""
                        : " in " + paused.topFrame().displayName() + " (" + locationOf(paused.topFrame()) + ")");
        return paused.description() + where + ".";
    }

    private static String locationOf(StackFrame frame) {
        return frame.locationText();
    }
}
