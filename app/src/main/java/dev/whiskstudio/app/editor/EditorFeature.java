package dev.whiskstudio.app.editor;

/**
 * One feature of the editor (highlighting, a gutter, find/replace...): it hooks itself onto the editor's area when
 * installed and takes every hook off again when uninstalled, so the host stays small and features come and go.
 */
public interface EditorFeature {
    void install(CodeEditor editor);

    void uninstall(CodeEditor editor);
}
