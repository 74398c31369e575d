package dev.whiskstudio.app.activations;

import dev.whiskstudio.app.ui.Failures;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The filter of the activations list: text (name, path, id; with "Logs & result" also the logs and results), status,
 * start kind, action or package, time range (with a custom span), and the saved filters (choose one to apply it;
 * "Save as…" keeps the current filter under a name). {@link #filterProperty()} follows every edit; setting it puts
 * the controls in its state. FX thread only.
 */
public final class FilterBar extends VBox {
    static final DateTimeFormatter CUSTOM_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter SHOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    static final String ALL_ACTIONS = "";

    private final SavedFilters saved;
    private final ZoneId zone;
    private final ObjectProperty<ActivationFilter> filter = new SimpleObjectProperty<>(this, "filter",
            ActivationFilter.ALL);
    private final TextField text = new TextField();
    private final CheckBox docs = new CheckBox("Logs & result");
    private final Label docsStatus = new Label();
    private final ComboBox<StatusChoice> status = new ComboBox<>(FXCollections.observableArrayList(StatusChoice.values()));
    private final ComboBox<StartChoice> start = new ComboBox<>(FXCollections.observableArrayList(StartChoice.values()));
    private final ObservableList<String> actionChoices = FXCollections.observableArrayList(ALL_ACTIONS);
    private final ComboBox<String> action = new ComboBox<>(actionChoices);
    private final ComboBox<TimeRange.Span> range = new ComboBox<>(FXCollections.observableArrayList(TimeRange.Span.values()));
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final HBox custom;
    private final ComboBox<String> savedBox = new ComboBox<>();
    private final Button saveAs = new Button("Save as…");
    private final Button delete = new Button("Delete");
    private final TextField saveName = new TextField();
    private final HBox saveRow;
    private final Label problem = new Label();
    private final Map<String, ActivationFilter> savedByName = new LinkedHashMap<>();
    /** True while the controls are being set from a filter, so they do not write it back half-set. */
    private boolean updating;

    public FilterBar(SavedFilters saved, ObservableList<String> paths, ZoneId zone) {
        this.saved = Objects.requireNonNull(saved);
        this.zone = Objects.requireNonNull(zone);
        getStyleClass().add("activations-filter-bar");
        setId("activations-filter-bar");

        text.setId("activations-filter-text");
        text.setPromptText("Filter by name or id");
        text.setPrefColumnCount(18);
        docs.setId("activations-filter-docs");
        docs.setTooltip(new Tooltip("Also search the logs and results (their records are read from the target)"));
        docsStatus.setId("activations-docs-status");
        docsStatus.getStyleClass().add("activations-muted");
        status.setId("activations-filter-status");
        start.setId("activations-filter-start");
        action.setId("activations-filter-action");
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(String path) {
                if (path == null || path.isEmpty()) {
                    return "All actions";
                }
                return path.endsWith("/") ? path.substring(0, path.length() - 1) + " (package)" : path;
            }

            @Override
            public String fromString(String shown) {
                return shown;
            }
        });
        action.setPrefWidth(180);
        range.setId("activations-filter-range");
        from.setId("activations-filter-from");
        to.setId("activations-filter-to");
        from.setPromptText("from yyyy-MM-dd HH:mm");
        to.setPromptText("to yyyy-MM-dd HH:mm");
        from.setPrefColumnCount(12);
        to.setPrefColumnCount(12);
        custom = new HBox(6, from, to);
        custom.setAlignment(Pos.CENTER_LEFT);

        savedBox.setId("activations-saved");
        savedBox.setPromptText("Saved filters");
        saveAs.setId("activations-save");
        delete.setId("activations-saved-delete");
        delete.disableProperty().bind(savedBox.valueProperty().isNull());
        saveName.setId("activations-save-name");
        saveName.setPromptText("Name of the filter");
        Button confirm = new Button("Save");
        confirm.setId("activations-save-confirm");
        confirm.setDefaultButton(false);
        Button cancel = new Button("Cancel");
        cancel.setId("activations-save-cancel");
        saveRow = new HBox(6, new Label("Save the filter as"), saveName, confirm, cancel);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        showSaveRow(false);
        problem.setId("activations-filter-problem");
        problem.getStyleClass().add("activations-problem-text");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        FlowPane controls = new FlowPane(8, 6, text, docs, status, start, action, range, custom, savedBox, saveAs,
                delete, docsStatus);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("activations-filter-controls");
        getChildren().addAll(controls, saveRow, problem);

        paths.addListener((ListChangeListener<String>) c -> syncActionChoices(paths));
        syncActionChoices(paths);
        showControls(ActivationFilter.ALL);

        text.textProperty().addListener((obs, old, now) -> edited());
        docs.selectedProperty().addListener((obs, old, now) -> edited());
        status.valueProperty().addListener((obs, old, now) -> edited());
        start.valueProperty().addListener((obs, old, now) -> edited());
        action.valueProperty().addListener((obs, old, now) -> edited());
        range.valueProperty().addListener((obs, old, now) -> edited());
        from.textProperty().addListener((obs, old, now) -> edited());
        to.textProperty().addListener((obs, old, now) -> edited());
        filter.addListener((obs, old, now) -> {
            if (!updating) {
                showControls(now);
            }
            ActivationFilter chosen = savedBox.getValue() == null ? null : savedByName.get(savedBox.getValue());
            if (chosen != null && !chosen.equals(now)) {
                savedBox.setValue(null);
            }
        });

        savedBox.setOnAction(e -> {
            ActivationFilter chosen = savedBox.getValue() == null ? null : savedByName.get(savedBox.getValue());
            if (chosen != null) {
                filter.set(chosen);
            }
        });
        saveAs.setOnAction(e -> {
            showSaveRow(true);
            saveName.setText(savedBox.getValue() == null ? "" : savedBox.getValue());
            saveName.requestFocus();
        });
        confirm.setOnAction(e -> saveCurrent());
        saveName.setOnAction(e -> saveCurrent());
        cancel.setOnAction(e -> showSaveRow(false));
        delete.setOnAction(e -> deleteChosen());

        saved.all().whenComplete((list, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                problem.setText(Failures.sentence(Failures.messageOf(Failures.unwrap(failure))));
            } else {
                showSaved(list);
                if (!saved.problem().isEmpty()) {
                    problem.setText(saved.problem());
                }
            }
        }));
    }

    public ObjectProperty<ActivationFilter> filterProperty() {
        return filter;
    }

    public ActivationFilter getFilter() {
        return filter.get();
    }

    public void setFilter(ActivationFilter value) {
        filter.set(Objects.requireNonNull(value));
    }

    /** The names of the saved filters, as the chooser lists them. */
    public List<String> savedNames() {
        return List.copyOf(savedBox.getItems());
    }

    /** What the text search in logs and results is doing (empty when nothing). */
    public void setDocsStatus(String message) {
        docsStatus.setText(message);
    }

    public String problem() {
        return problem.getText();
    }

    private void syncActionChoices(List<String> paths) {
        String chosen = action.getValue();
        updating = true;
        try {
            actionChoices.setAll(ALL_ACTIONS);
            actionChoices.addAll(paths);
            if (chosen != null && !chosen.isEmpty() && !actionChoices.contains(chosen)) {
                // keep a chosen action that has no rows (yet): the filter still names it
                actionChoices.add(chosen);
            }
            action.setValue(chosen == null ? ALL_ACTIONS : chosen);
        } finally {
            updating = false;
        }
    }

    private void showControls(ActivationFilter f) {
        updating = true;
        try {
            text.setText(f.text());
            docs.setSelected(f.searchDocs());
            status.setValue(f.status());
            start.setValue(f.start());
            if (!f.action().isEmpty() && !actionChoices.contains(f.action())) {
                actionChoices.add(f.action());
            }
            action.setValue(f.action());
            range.setValue(f.range().span());
            boolean isCustom = f.range().span() == TimeRange.Span.CUSTOM;
            from.setText(isCustom && f.range().from() > 0 ? format(f.range().from()) : isCustom ? from.getText() : "");
            to.setText(isCustom && f.range().to() > 0 ? format(f.range().to()) : isCustom ? to.getText() : "");
            showCustom(isCustom);
            problem.setText("");
        } finally {
            updating = false;
        }
    }

    private void edited() {
        if (updating) {
            return;
        }
        TimeRange.Span span = range.getValue() == null ? TimeRange.Span.ALL : range.getValue();
        showCustom(span == TimeRange.Span.CUSTOM);
        TimeRange timeRange;
        if (span == TimeRange.Span.CUSTOM) {
            try {
                timeRange = TimeRange.custom(parse(from.getText()), parse(to.getText()));
                problem.setText("");
            } catch (DateTimeParseException e) {
                problem.setText("Write the times as 2026-01-02 13:45 (or 13:45:30), in local time.");
                return;
            } catch (IllegalArgumentException e) {
                problem.setText("The range ends before it starts.");
                return;
            }
        } else {
            timeRange = TimeRange.last(span);
            problem.setText("");
        }
        updating = true;
        try {
            filter.set(new ActivationFilter(text.getText(), docs.isSelected(), status.getValue(), start.getValue(),
                    action.getValue(), timeRange));
        } finally {
            updating = false;
        }
    }

    private long parse(String value) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            return 0;
        }
        return LocalDateTime.parse(t, CUSTOM_TIME).atZone(zone).toInstant().toEpochMilli();
    }

    private String format(long epochMs) {
        return SHOW_TIME.format(java.time.Instant.ofEpochMilli(epochMs).atZone(zone));
    }

    private void showCustom(boolean visible) {
        custom.setVisible(visible);
        custom.setManaged(visible);
    }

    private void showSaveRow(boolean visible) {
        saveRow.setVisible(visible);
        saveRow.setManaged(visible);
    }

    private void showSaved(List<SavedFilters.Saved> list) {
        String chosen = savedBox.getValue();
        savedByName.clear();
        list.forEach(s -> savedByName.put(s.name(), s.filter()));
        savedBox.getItems().setAll(savedByName.keySet());
        if (chosen != null && savedByName.containsKey(chosen)) {
            savedBox.setValue(chosen);
        }
    }

    private void saveCurrent() {
        String name = saveName.getText() == null ? "" : saveName.getText().strip();
        if (name.isEmpty()) {
            problem.setText("Give the filter a name.");
            return;
        }
        ActivationFilter current = filter.get();
        saved.save(name, current).whenComplete((list, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                problem.setText(Failures.sentence(Failures.messageOf(Failures.unwrap(failure))));
                return;
            }
            showSaveRow(false);
            problem.setText("");
            showSaved(list);
            savedBox.setValue(name);
        }));
    }

    private void deleteChosen() {
        String name = savedBox.getValue();
        if (name == null) {
            return;
        }
        saved.delete(name).whenComplete((list, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                problem.setText(Failures.sentence(Failures.messageOf(Failures.unwrap(failure))));
                return;
            }
            savedBox.setValue(null);
            showSaved(list);
        }));
    }
}
