package dev.whiskstudio.app.editor.tabs;

/**
 * Asks whether to save a document with unsaved changes before it closes. Pluggable: the app shows a dialog
 * ({@link AlertSavePrompt}), a test answers directly. Called on the FX thread.
 */
@FunctionalInterface
public interface SavePrompt {
    CloseChoice ask(EditorDocument document);
}
