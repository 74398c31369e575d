package dev.whiskstudio.app.editor;

/** Where the caret is, as the status bar shows it: line and column, both counted from 1. */
public record CaretPosition(int line, int column) {
    public static final CaretPosition START = new CaretPosition(1, 1);

    @Override
    public String toString() {
        return "Ln " + line + ", Col " + column;
    }
}
