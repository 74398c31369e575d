package dev.whiskstudio.app.editor.tabs;

/** A file could not be opened, saved or reloaded; the message is the one to show the user. */
public final class EditorException extends RuntimeException {
    public EditorException(String message, Throwable cause) {
        super(message, cause);
    }
}
