package dev.whiskstudio.app.editor;

import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go to line (Ctrl+L or Ctrl+G): a small popup over the editor that takes {@code line} or {@code line:column}.
 * Input that is not a line of this text gets a message in the popup, and the popup stays.
 */
public final class GoToLine implements EditorFeature {
    private static final KeyCombination CTRL_L = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CTRL_G = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("\\s*(\\d{1,9})\\s*(?:[:,]\\s*(\\d{1,9})\\s*)?");

    private final TextField field = new TextField();
    private final Label message = new Label();
    private final Popup popup = new Popup();
    private final EventHandler<KeyEvent> shortcut = event -> {
        if (CTRL_L.match(event) || CTRL_G.match(event)) {
            show();
            event.consume();
        }
    };
    private CodeEditor editor;

    /** A target in the text: line and column from 1. */
    public record Target(int line, int column) {
    }

    public GoToLine() {
        field.setId("go-to-line-field");
        message.setId("go-to-line-message");
        message.getStyleClass().add("go-to-line-message");
        message.setWrapText(true);
        message.setMaxWidth(280);
        Label title = new Label("Go to line");
        title.getStyleClass().add("go-to-line-title");
        VBox box = new VBox(title, field, message);
        box.setId("go-to-line");
        box.getStyleClass().add("go-to-line");
        box.getStylesheets().add(EditorStyles.sheet());
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        field.setOnAction(e -> goTo(field.getText()));
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
    }

    @Override
    public void install(CodeEditor editor) {
        this.editor = editor;
        editor.addEventFilter(KeyEvent.KEY_PRESSED, shortcut);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        editor.removeEventFilter(KeyEvent.KEY_PRESSED, shortcut);
        popup.hide();
    }

    /** Opens the popup over the top of the editor, with the caret's line proposed. */
    public void show() {
        if (editor.getScene() == null || editor.getScene().getWindow() == null) {
            return;
        }
        int lines = editor.lineCount();
        field.setPromptText("1 to " + lines + ", or line:column");
        field.setText(Integer.toString(editor.getCaretPosition().line()));
        field.selectAll();
        message.getStyleClass().remove("problem");
        message.setText("Line 1 to " + lines + ".");
        if (!popup.isShowing()) {
            Bounds bounds = editor.localToScreen(editor.getBoundsInLocal());
            double x = bounds.getMinX() + Math.max(0, (bounds.getWidth() - 300) / 2);
            popup.show(editor.getScene().getWindow(), x, bounds.getMinY() + 8);
        }
        field.requestFocus();
    }

    public void hide() {
        popup.hide();
        editor.area().requestFocus();
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    /** The message shown under the field: the range of lines, or why the input was refused. */
    public String message() {
        return message.getText();
    }

    /** Goes to the line typed; answers the message if it is not a line of this text (and leaves the popup open). */
    public Optional<String> goTo(String input) {
        String problem = problemWith(input, editor.lineCount());
        if (problem != null) {
            message.setText(problem);
            if (!message.getStyleClass().contains("problem")) {
                message.getStyleClass().add("problem");
            }
            return Optional.of(problem);
        }
        Target target = parse(input).orElseThrow();
        editor.moveCaretTo(target.line(), target.column());
        if (popup.isShowing()) {
            hide();
        }
        return Optional.empty();
    }

    /** {@code line} or {@code line:column}, as numbers; empty if it is not that. */
    public static Optional<Target> parse(String input) {
        Matcher matcher = LINE_AND_COLUMN.matcher(input == null ? "" : input);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int column = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
        return Optional.of(new Target(Integer.parseInt(matcher.group(1)), column));
    }

    /** Why {@code input} is not a line of a text of {@code lineCount} lines, or {@code null} if it is one. */
    public static String problemWith(String input, int lineCount) {
        String trimmed = input == null ? "" : input.strip();
        if (trimmed.isEmpty()) {
            return "Type a line number from 1 to " + lineCount + ".";
        }
        Optional<Target> target = parse(trimmed);
        if (target.isEmpty()) {
            return "\"" + shorten(trimmed) + "\" is not a line number: type a number from 1 to " + lineCount + ".";
        }
        int line = target.get().line();
        if (line < 1 || line > lineCount) {
            return "There is no line " + line + ": this file has "
                    + (lineCount == 1 ? "1 line." : "lines 1 to " + lineCount + ".");
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
