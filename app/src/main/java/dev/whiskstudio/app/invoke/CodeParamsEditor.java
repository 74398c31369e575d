package dev.whiskstudio.app.invoke;

import dev.whiskstudio.app.editor.CodeEditor;
import dev.whiskstudio.app.editor.highlight.Language;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * The parameters in the code editor: JSON highlighting, bracket matching, undo. Its text property follows the editor
 * both ways; setting it (recalling an earlier input) is one undoable edit.
 * <p>
 * The code editor is made when first needed (a click or focus in the box, or text to show): it brings RichTextFX
 * with it, half a second of class loading that the window's start should not wait for.
 */
public final class CodeParamsEditor implements ParamsEditor {
    private static final String ID = "invoke-params";

    private final StackPane holder = new StackPane();
    private final Label placeholder = new Label("{ }   parameters as JSON (empty means {})");
    private final StringProperty text = new SimpleStringProperty("");
    private CodeEditor editor;
    /** True while one side is copying into the other, so the copy does not echo back. */
    private boolean copying;

    public CodeParamsEditor() {
        holder.getStyleClass().add("invoke-params-editor");
        holder.setPrefHeight(150);
        placeholder.setId(ID);
        placeholder.getStyleClass().add("invoke-params-placeholder");
        placeholder.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        placeholder.setAlignment(Pos.TOP_LEFT);
        placeholder.setFocusTraversable(true);
        placeholder.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> editor(true));
        placeholder.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                editor(true);
            }
        });
        holder.getChildren().add(placeholder);
        text.addListener((obs, old, now) -> {
            if (editor == null && now != null && !now.isEmpty()) {
                editor(false);
            }
            copy(() -> editor.setText(now == null ? "" : now));
        });
    }

    /** The code editor, made now if it was not yet; {@code focus} moves the keyboard into it. */
    public CodeEditor editor(boolean focus) {
        if (editor == null) {
            editor = new CodeEditor(Language.JSON);
            editor.area().setId(ID);
            placeholder.setId(null);
            editor.setText(text.get() == null ? "" : text.get());
            editor.area().textProperty().addListener((obs, old, now) -> copy(() -> text.set(now)));
            holder.getChildren().setAll(editor);
        }
        if (focus) {
            editor.area().requestFocus();
        }
        return editor;
    }

    private void copy(Runnable step) {
        if (copying || editor == null) {
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
        return holder;
    }

    @Override
    public StringProperty textProperty() {
        return text;
    }
}
