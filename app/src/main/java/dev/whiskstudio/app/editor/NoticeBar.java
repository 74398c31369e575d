package dev.whiskstudio.app.editor;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A one-line notice above the text (the file changed on disk, a save failed) with the buttons that answer it. */
public final class NoticeBar extends HBox {
    /** How a notice looks: the style class picks its colours in {@code editor.css}. */
    public enum Kind {
        INFO("notice-info"),
        WARNING("notice-warning"),
        DANGER("notice-danger");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }
    }

    private final Label message = new Label();

    public NoticeBar(String id, Kind kind, String text) {
        setId(id);
        getStyleClass().addAll("notice-bar", kind.styleClass);
        message.setText(text);
        message.getStyleClass().add("notice-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        getChildren().add(message);
    }

    /** Adds a button that runs {@code action}. */
    public NoticeBar withAction(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("notice-action");
        button.setOnAction(e -> action.run());
        getChildren().add(button);
        return this;
    }

    public String message() {
        return message.getText();
    }
}
