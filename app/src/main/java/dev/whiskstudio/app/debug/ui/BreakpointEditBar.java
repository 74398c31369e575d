package dev.whiskstudio.app.debug.ui;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A one-line bar to type a breakpoint's condition or log message: Enter applies (blank takes it off), Escape
 * cancels; either closes the bar. Shown above the editor's text (from the gutter's menu) or under the breakpoints list.
 */
final class BreakpointEditBar extends HBox {
    enum Mode {
        CONDITION("Condition", "Pause only when this is true, e.g. i === 2"),
        LOG_MESSAGE("Log message", "Log instead of pausing; {expression} is replaced, e.g. i is {i}");

        private final String title;
        private final String prompt;

        Mode(String title, String prompt) {
            this.title = title;
            this.prompt = prompt;
        }
    }

    private final TextField field = new TextField();

    BreakpointEditBar(Path file, int line, Mode mode, String initial, Consumer<String> apply, Runnable close) {
        super(8);
        setId("debug-breakpoint-edit");
        getStyleClass().add("debug-breakpoint-edit");
        getStylesheets().add(DebugStyles.sheet());
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(mode.title + " of the breakpoint on " + file.getFileName() + ":" + line);
        title.getStyleClass().add("debug-breakpoint-edit-title");
        field.setId("debug-breakpoint-edit-field");
        field.setPromptText(mode.prompt);
        field.setText(initial == null ? "" : initial);
        HBox.setHgrow(field, Priority.ALWAYS);
        Label hint = new Label("Enter applies, Esc cancels");
        hint.getStyleClass().add("debug-muted");
        getChildren().addAll(title, field, hint);
        field.setOnAction(e -> {
            apply.accept(field.getText());
            close.run();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(() -> {
                    field.requestFocus();
                    field.end();
                });
            }
        });
    }

    TextField field() {
        return field;
    }
}
