package dev.whiskstudio.app.editor.tabs;

/** The line breaks a file was written with; the editor holds {@code \n} and writes the file's own back. */
public enum LineEnding {
    LF("\n"),
    CRLF("\r\n");

    private final String separator;

    LineEnding(String separator) {
        this.separator = separator;
    }

    public String separator() {
        return separator;
    }
}
