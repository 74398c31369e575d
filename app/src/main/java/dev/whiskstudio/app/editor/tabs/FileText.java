package dev.whiskstudio.app.editor.tabs;

/** A text file's content as the editor holds it ({@code \n} line breaks, no byte order mark) and how it was written. */
public record FileText(String text, LineEnding lineEnding, boolean byteOrderMark) {
    public static final FileText EMPTY = new FileText("", LineEnding.LF, false);
}
