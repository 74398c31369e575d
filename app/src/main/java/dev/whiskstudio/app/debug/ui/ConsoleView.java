package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.ConsoleMessage;
import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.EvalPurpose;
import dev.whiskstudio.app.debug.StackFrame;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.List;

/**
 * The debug console: the program's console output and uncaught exceptions (coloured by level), and a field that
 * evaluates an expression in the selected frame, with Up/Down through what was typed before.
 */
final class ConsoleView extends BorderPane {
    static final int MAX_ENTRIES = 5_000;

    private final DebugContext context;
    private final ListView<ConsoleEntry> output = new ListView<>();
    private final TextField input = new TextField();
    private final CommandHistory history = new CommandHistory(200);
    private final ListChangeListener<ConsoleMessage> messages = change -> {
        while (change.next()) {
            if (change.wasAdded()) {
                add(change.getAddedSubList().stream().map(ConsoleEntry::of).toList());
            }
        }
    };
    /** The session's console list listened to: held, as the session hands out a new view at each call. */
    private ObservableList<ConsoleMessage> sessionConsole;

    ConsoleView(DebugContext context) {
        this.context = context;
        getStyleClass().add("debug-console-pane");
        output.setId("debug-console");
        output.getStyleClass().add("debug-console");
        output.setPlaceholder(new Label("The program's console output shows here."));
        output.setCellFactory(list -> new EntryCell());
        MenuItem clear = new MenuItem("Clear console");
        clear.setId("debug-console-clear");
        clear.setOnAction(e -> output.getItems().clear());
        output.setContextMenu(new ContextMenu(clear));

        input.setId("debug-console-input");
        input.getStyleClass().add("debug-console-input");
        input.setPromptText("Evaluate in the paused frame (Up/Down: history)");
        input.setOnAction(e -> submit());
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP) {
                String older = history.previous(input.getText());
                if (older != null) {
                    input.setText(older);
                    input.end();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                String newer = history.next();
                if (newer != null) {
                    input.setText(newer);
                    input.end();
                }
                e.consume();
            }
        });
        Label prompt = new Label("›");
        prompt.getStyleClass().add("debug-console-prompt");
        HBox inputRow = new HBox(6, prompt, input);
        inputRow.setAlignment(Pos.CENTER_LEFT);
        inputRow.getStyleClass().add("debug-console-input-row");
        HBox.setHgrow(input, Priority.ALWAYS);
        setCenter(output);
        setBottom(inputRow);

        context.sessionProperty().addListener((obs, old, now) -> follow(now));
        follow(context.currentSession().orElse(null));
    }

    private void follow(DebugSession session) {
        if (sessionConsole != null) {
            sessionConsole.removeListener(messages);
            sessionConsole = null;
        }
        if (session == null) {
            return;
        }
        if (!output.getItems().isEmpty()) {
            add(List.of(ConsoleEntry.note("A new debug session.")));
        }
        sessionConsole = session.console();
        add(sessionConsole.stream().map(ConsoleEntry::of).toList());
        sessionConsole.addListener(messages);
    }

    private void submit() {
        String expression = input.getText();
        if (expression.isBlank()) {
            return;
        }
        history.add(expression);
        input.clear();
        add(List.of(new ConsoleEntry(ConsoleEntry.Kind.INPUT, expression, "")));
        DebugSession session = context.currentSession().orElse(null);
        StackFrame frame = context.selectedFrame();
        if (session == null) {
            add(List.of(new ConsoleEntry(ConsoleEntry.Kind.RESULT_ERROR, "There is no debug session.", "")));
            return;
        }
        if (frame == null) {
            add(List.of(new ConsoleEntry(ConsoleEntry.Kind.RESULT_ERROR,
                    "The program is not paused: the console evaluates in the paused frame.", "")));
            return;
        }
        FxFutures.whenDone(session.evaluate(expression, frame, EvalPurpose.CONSOLE), (result, error) -> {
            if (error != null) {
                add(List.of(new ConsoleEntry(ConsoleEntry.Kind.RESULT_ERROR, FxFutures.message(error), "")));
            } else if (result.thrown()) {
                add(List.of(new ConsoleEntry(ConsoleEntry.Kind.RESULT_ERROR, result.error(), "")));
            } else {
                add(List.of(new ConsoleEntry(ConsoleEntry.Kind.RESULT, result.value().text(), "")));
            }
        });
    }

    private void add(List<ConsoleEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ObservableList<ConsoleEntry> items = output.getItems();
        items.addAll(entries);
        if (items.size() > MAX_ENTRIES) {
            items.remove(0, items.size() - MAX_ENTRIES);
        }
        output.scrollTo(items.size() - 1);
    }

    TextField input() {
        return input;
    }

    ObservableList<ConsoleEntry> entries() {
        return output.getItems();
    }

    private static final class EntryCell extends ListCell<ConsoleEntry> {
        private final Label text = new Label();
        private final Label location = new Label();
        private final HBox row;

        EntryCell() {
            text.getStyleClass().add("debug-console-text");
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            location.getStyleClass().add("debug-console-location");
            row = new HBox(8, text, location);
            row.setAlignment(Pos.TOP_LEFT);
        }

        @Override
        protected void updateItem(ConsoleEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeIf(c -> c.startsWith("console-"));
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            getStyleClass().add(entry.kind().styleClass());
            String prefix = switch (entry.kind()) {
                case INPUT -> "› ";
                case RESULT, RESULT_ERROR -> "‹ ";
                default -> "";
            };
            text.setText(prefix + entry.text());
            location.setText(entry.location());
            setText(null);
            setGraphic(row);
        }
    }
}
