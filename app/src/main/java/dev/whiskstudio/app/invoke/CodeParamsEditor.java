package dev.whiskstudio.app.invoke;

import dev.whiskstudio.app.editor.CodeEditor;
import dev.whiskstudio.app.editor.highlight.Language;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;

/**
 * The parameters in the code editor: JSON highlighting, bracket matching, undo. Its text property follows the editor
 * both ways; setting it (recalling an earlier input) is one undoable edit.
 */
public final class CodeParamsEditor implements ParamsEditor {
    private final CodeEditor editor = new CodeEditor(Language.JSON);
    private final StringProperty text = new SimpleStringProperty("");
    /** True while one side is copying into the other, so the copy does not echo back. */
    private boolean copying;

    public CodeParamsEditor() {
        editor.area().setId("invoke-params");
        editor.getStyleClass().add("invoke-params-editor");
        editor.setPrefHeight(150);
        editor.area().textProperty().addListener((obs, old, now) -> copy(() -> text.set(now)));
        text.addListener((obs, old, now) -> copy(() -> editor.setText(now == null ? "" : now)));
    }

    private void copy(Runnable step) {
        if (copying) {
            return;
        }
        copying = true;
        try {
            step.run();
        } finally {
            copying = false;
        }
    }

    @Override
    public Node node() {
        return editor;
    }

    @Override
    public StringProperty textProperty() {
        return text;
    }

    public CodeEditor editor() {
        return editor;
    }
}
