package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.Breakpoint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A breakpoint as the user keeps it between debug sessions: a line (from 1) of a file, an optional condition or log
 * message, and whether it is on. Only enabled ones go to a session; a disabled one keeps its place and settings.
 */
public record UserBreakpoint(Path file, int line, String condition, String logMessage, boolean enabled) {
    public UserBreakpoint {
        Objects.requireNonNull(file, "file");
        file = file.toAbsolutePath().normalize();
        if (line < 1) {
            throw new IllegalArgumentException("lines count from 1: " + line);
        }
        condition = blankToNull(condition);
        logMessage = blankToNull(logMessage);
    }

    public static UserBreakpoint at(Path file, int line) {
        return new UserBreakpoint(file, line, null, null, true);
    }

    public UserBreakpoint atLine(int newLine) {
        return new UserBreakpoint(file, newLine, condition, logMessage, enabled);
    }

    public UserBreakpoint withEnabled(boolean on) {
        return new UserBreakpoint(file, line, condition, logMessage, on);
    }

    public UserBreakpoint withCondition(String text) {
        return new UserBreakpoint(file, line, text, logMessage, enabled);
    }

    public UserBreakpoint withLogMessage(String text) {
        return new UserBreakpoint(file, line, condition, text, enabled);
    }

    /** What a session is given. */
    public Breakpoint toBreakpoint() {
        return new Breakpoint(file, line, condition, logMessage);
    }

    public boolean isLogpoint() {
        return logMessage != null;
    }

    /** {@code action.js:12}. */
    public String locationText() {
        return file.getFileName() + ":" + line;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
