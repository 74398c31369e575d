package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.ConsoleMessage;

/**
 * One line of the debug console: a message of the program (by level), what the user typed, its result or error, or
 * a note of ours. {@code location} is where the program logged it ({@code action.js:11}), or empty.
 */
record ConsoleEntry(Kind kind, String text, String location) {
    enum Kind {
        DEBUG, LOG, INFO, WARNING, ERROR, INPUT, RESULT, RESULT_ERROR, NOTE;

        /** The style class of the entry's row: {@code console-log}, {@code console-result-error}... */
        String styleClass() {
            return "console-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    static ConsoleEntry of(ConsoleMessage message) {
        Kind kind = switch (message.level()) {
            case DEBUG -> Kind.DEBUG;
            case LOG -> Kind.LOG;
            case INFO -> Kind.INFO;
            case WARNING -> Kind.WARNING;
            case ERROR -> Kind.ERROR;
        };
        String where = message.location() == null ? ""
                : message.location().file().getFileName() + ":" + message.location().line();
        return new ConsoleEntry(kind, message.text(), where);
    }

    static ConsoleEntry note(String text) {
        return new ConsoleEntry(Kind.NOTE, text, "");
    }
}
