package dev.whiskstudio.app.editor.tabs;

import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/** The tab of one document: titled with its file name (and dirty mark), the full path as tooltip. */
public final class EditorTab extends Tab {
    private final EditorDocument document;

    EditorTab(EditorDocument document) {
        this.document = document;
        textProperty().bind(document.titleProperty());
        setTooltip(new Tooltip(document.path().toString()));
        setContent(document.editor());
        getStyleClass().add("editor-tab");
    }

    public EditorDocument document() {
        return document;
    }
}
