package dev.whiskstudio.app.editor.tabs;

/** The answer to "save changes before closing?". */
public enum CloseChoice {
    SAVE,
    DISCARD,
    CANCEL
}
