package dev.whiskstudio.app.activations;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An activation's logs: one row per line with its local time, its stream (stdout and stderr coloured apart) and its
 * text; a search box above marks the matching lines and steps through them (Enter, Shift+Enter, or the arrows),
 * saying "2 of 5". Virtualized, so long logs cost only the rows on screen.
 */
public final class LogView extends VBox {
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");

    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final ListView<LogLine> list = new ListView<>(lines);
    private final TextField search = new TextField();
    private final Label matches = new Label();
    private final ReadOnlyStringWrapper needle = new ReadOnlyStringWrapper(this, "needle", "");
    private final ZoneId zone;
    private List<Integer> hits = List.of();
    private int current = -1;

    public LogView(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("activation-logs");
        list.setId("activation-logs");
        list.setCellFactory(v -> new LineCell());
        list.setPlaceholder(new Label("No logs"));
        search.setId("activation-logs-search");
        search.setPromptText("Search in the logs");
        search.textProperty().addListener((obs, old, text) -> find(text));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                step(e.isShiftDown() ? -1 : 1);
                e.consume();
            }
        });
        matches.setId("activation-logs-matches");
        matches.getStyleClass().add("activation-logs-matches");
        Button previous = new Button("↑");
        previous.setId("activation-logs-previous");
        previous.setTooltip(new Tooltip("Previous match (Shift+Enter)"));
        previous.setOnAction(e -> step(-1));
        Button next = new Button("↓");
        next.setId("activation-logs-next");
        next.setTooltip(new Tooltip("Next match (Enter)"));
        next.setOnAction(e -> step(1));
        HBox bar = new HBox(6, search, previous, next, matches);
        bar.getStyleClass().add("activation-logs-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
    }

    /** Shows these lines ({@link LogLine#parseAll}); the search stays and is applied to them. */
    public void setLines(List<LogLine> parsed) {
        lines.setAll(parsed);
        find(search.getText());
    }

    public void setPlaceholder(String text) {
        list.setPlaceholder(new Label(text));
    }

    public ObservableList<LogLine> lines() {
        return lines;
    }

    /** The lower-cased search text the rows are marked by. */
    public ReadOnlyStringProperty needleProperty() {
        return needle.getReadOnlyProperty();
    }

    /** Indexes of the matching lines. */
    public List<Integer> hits() {
        return hits;
    }

    /** The line the search is at, or -1. */
    public int currentHit() {
        return current < 0 ? -1 : hits.get(current);
    }

    private void find(String text) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        needle.set(lower);
        List<Integer> found = new ArrayList<>();
        if (!lower.isEmpty()) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(lower)) {
                    found.add(i);
                }
            }
        }
        hits = found;
        current = -1;
        list.refresh();
        if (!found.isEmpty()) {
            step(1);
        } else {
            matches.setText(lower.isEmpty() ? "" : "No match");
        }
    }

    private void step(int direction) {
        if (hits.isEmpty()) {
            return;
        }
        current = Math.floorMod(current + direction, hits.size());
        int line = hits.get(current);
        list.getSelectionModel().clearAndSelect(line);
        list.scrollTo(Math.max(0, line - 2));
        matches.setText((current + 1) + " of " + hits.size());
    }

    private final class LineCell extends ListCell<LogLine> {
        private final Label time = new Label();
        private final Label stream = new Label();
        private final Label text = new Label();
        private final HBox row = new HBox(8, time, stream, text);

        LineCell() {
            getStyleClass().add("log-cell");
            time.getStyleClass().add("log-time");
            stream.getStyleClass().add("log-stream");
            text.getStyleClass().add("log-text");
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("log-stdout", "log-stderr", "log-other");
            if (empty || line == null) {
                setGraphic(null);
                setText(null);
                pseudoClassStateChanged(MATCH, false);
                return;
            }
            getStyleClass().add(line.stream().styleClass());
            time.setText(line.localTime(zone));
            time.setVisible(line.time() != null);
            time.setManaged(line.time() != null);
            stream.setText(line.stream() == LogLine.Stream.OTHER ? "" : line.stream().name().toLowerCase(Locale.ROOT));
            stream.setVisible(line.stream() != LogLine.Stream.OTHER);
            stream.setManaged(line.stream() != LogLine.Stream.OTHER);
            text.setText(line.text());
            setText(null);
            setGraphic(row);
            mark();
        }

        private void mark() {
            LogLine line = getItem();
            pseudoClassStateChanged(MATCH, line != null && !isEmpty() && line.contains(needle.get()));
        }
    }
}
