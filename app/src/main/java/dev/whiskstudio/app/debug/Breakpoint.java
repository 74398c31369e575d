package dev.whiskstudio.app.debug;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A breakpoint the user set: a line (from 1) of a file, with an optional condition (a JavaScript expression; the
 * program stops only when it is truthy) or log message (a logpoint: the program does not stop, the message is logged
 * with each {@code {expression}} in it replaced by its value). A session holds at most one per file and line.
 *
 * <p>A logpoint's message goes through the program's {@code console.log}: the debugger's console shows it, and so
 * does the process's output (for an action, its activation's logs).
 */
public record Breakpoint(Path file, int line, String condition, String logMessage) {
    public Breakpoint {
        Objects.requireNonNull(file, "file");
        file = file.toAbsolutePath().normalize();
        if (line < 1) {
            throw new IllegalArgumentException("lines count from 1: " + line);
        }
        condition = blankToNull(condition);
        logMessage = blankToNull(logMessage);
    }

    public static Breakpoint at(Path file, int line) {
        return new Breakpoint(file, line, null, null);
    }

    public static Breakpoint conditional(Path file, int line, String condition) {
        return new Breakpoint(file, line, condition, null);
    }

    public static Breakpoint logpoint(Path file, int line, String message) {
        return new Breakpoint(file, line, null, Objects.requireNonNull(message, "message"));
    }

    public boolean isLogpoint() {
        return logMessage != null;
    }

    /** True for another breakpoint on the same file and line (which it would replace). */
    public boolean sameLine(Breakpoint other) {
        return file.equals(other.file) && line == other.line;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
