package dev.whiskstudio.app.debug;

/**
 * Where a user line runs in the debugged process: a script, named by its exact {@code url} or, when only its shape
 * is known ahead (an archive unpacked under a directory with a random name), by {@code urlRegex}, a JavaScript
 * regular expression; exactly one of the two is set. {@code line} and {@code column} count from 0, as the inspector
 * does; a column of 0 means the line's first statement.
 */
public record ScriptLocation(String url, String urlRegex, int line, int column) {
    public ScriptLocation {
        if ((url == null) == (urlRegex == null)) {
            throw new IllegalArgumentException("exactly one of url and urlRegex");
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("lines and columns count from 0: " + line + ":" + column);
        }
    }

    public static ScriptLocation atUrl(String url, int line, int column) {
        return new ScriptLocation(url, null, line, column);
    }

    public static ScriptLocation matching(String urlRegex, int line, int column) {
        return new ScriptLocation(null, urlRegex, line, column);
    }

    /** The same script, another line and column. */
    public ScriptLocation at(int line, int column) {
        return new ScriptLocation(url, urlRegex, line, column);
    }
}
