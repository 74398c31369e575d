package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.json.JsonTreeView;
import dev.whiskstudio.app.ui.Failures;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The details of one activation: a header with its name, id, status and times, a link to the sequence it is part
 * of and a button that opens its action's source; then tabs with the response as a JSON tree, the logs, the
 * annotations, the parameters the invocation was called with (where the target records them), and, for a sequence
 * or conductor, the tree of its component activations. The whole record, the parameters and the tree are read off
 * the FX thread; a failure is said in the pane.
 */
public final class ActivationDetails extends VBox {
    /** Where the pane reads from: whole records, the target's insight, the namespace. */
    record Source(RecordFetcher fetcher, InsightSource insight, String namespace) {
    }

    private final Executor io;
    private final ZoneId zone;
    private final Label title = new Label("No activation selected");
    private final TextField id = new TextField();
    private final Label status = new Label();
    private final Label facts = new Label();
    private final Hyperlink parent = new Hyperlink();
    private final Button openAction = new Button("Open source");
    private final Button debugAgain = new Button("Debug again");
    /** The parameters recorded for the activation shown, once read; null before or when there are none. */
    private JsonNode recordedParams;
    private final Label message = new Label();
    private final JsonTreeView result = new JsonTreeView();
    private final LogView logs;
    private final TableView<Map.Entry<String, String>> annotations = new TableView<>();
    private final JsonTreeView params = new JsonTreeView();
    private final Label paramsNote = new Label();
    private final TreeView<SequenceTree.Node> components = new TreeView<>();
    private final TabPane tabs = new TabPane();
    private final Tab componentsTab = new Tab("Components");
    private final ReadOnlyObjectWrapper<ActivationRow> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper loading = new ReadOnlyStringWrapper(this, "loading", "");
    private Consumer<String> onSelectActivation = idToSelect -> { };
    private Consumer<ActionRef> onOpenAction = ref -> { };
    private java.util.function.BiConsumer<ActionRef, JsonNode> onDebugWithInput;
    private Source source;
    /** Increases with every activation shown, so a late answer for an earlier one is dropped. */
    private long generation;
    private boolean treeFilling;

    public ActivationDetails(Executor io, ZoneId zone) {
        this.io = Objects.requireNonNull(io);
        this.zone = Objects.requireNonNull(zone);
        this.logs = new LogView(zone);
        setId("activation-details");
        getStyleClass().add("activation-details");

        title.setId("activation-details-title");
        title.getStyleClass().add("activation-details-title");
        id.setId("activation-details-id");
        id.setEditable(false);
        id.getStyleClass().add("activation-details-id");
        status.setId("activation-details-status");
        status.getStyleClass().add("activation-status");
        facts.setId("activation-details-facts");
        facts.getStyleClass().add("activation-details-facts");
        facts.setWrapText(true);
        parent.setId("activation-details-parent");
        parent.setOnAction(e -> {
            ActivationRow row = shown.get();
            if (row != null && row.cause() != null) {
                onSelectActivation.accept(row.cause());
            }
        });
        openAction.setId("activation-details-open-action");
        openAction.setOnAction(e -> {
            ActivationRow row = shown.get();
            ActionRef ref = row == null ? null : row.actionRef();
            if (ref != null) {
                onOpenAction.accept(ref);
            }
        });
        message.setId("activation-details-message");
        message.getStyleClass().add("activation-details-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        HBox titleRow = new HBox(8, status, title);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        debugAgain.setId("activation-details-debug");
        debugAgain.setTooltip(new Tooltip("Run the action again under the debugger with exactly the parameters this "
                + "activation was invoked with"));
        debugAgain.setOnAction(e -> {
            ActivationRow row = shown.get();
            if (row != null && row.invokedRef() != null && recordedParams != null && onDebugWithInput != null) {
                // as it was invoked: through its binding, the binding's parameters merge in again
                onDebugWithInput.accept(row.invokedRef(), recordedParams);
            }
        });
        openAction.setTooltip(new Tooltip("Open the action's source in the editor"));
        openAction.setMinWidth(Region.USE_PREF_SIZE);
        debugAgain.setMinWidth(Region.USE_PREF_SIZE);
        debugAgain.setVisible(false);
        debugAgain.setManaged(false);
        debugAgain.setDisable(true);
        HBox idRow = new HBox(8, id, grow, debugAgain, openAction);
        idRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(id, Priority.ALWAYS);
        FlowPane links = new FlowPane(8, 4, parent);
        VBox header = new VBox(6, titleRow, idRow, facts, links, message);
        header.getStyleClass().add("activation-details-header");

        result.setId("activation-details-result");
        annotations.setId("activation-details-annotations");
        annotations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Map.Entry<String, String>, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        key.setPrefWidth(120);
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()));
        annotations.getColumns().add(key);
        annotations.getColumns().add(value);
        annotations.setPlaceholder(new Label("No annotations"));
        params.setId("activation-details-params");
        paramsNote.setId("activation-details-params-note");
        paramsNote.getStyleClass().add("activation-details-note");
        paramsNote.setWrapText(true);
        StackPane paramsPane = new StackPane(params, paramsNote);
        StackPane.setAlignment(paramsNote, Pos.TOP_LEFT);

        components.setId("activation-details-components");
        components.setCellFactory(v -> new ComponentCell());
        components.setShowRoot(true);
        components.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!treeFilling && item != null && item.getParent() != null) {
                // after the tree has finished its own selection change: showing the component replaces the tree
                String chosen = item.getValue().activationId();
                Platform.runLater(() -> onSelectActivation.accept(chosen));
            }
        });
        componentsTab.setContent(components);
        componentsTab.setId("activation-details-components-tab");

        Tab resultTab = tab("Result", result, "activation-details-result-tab");
        Tab logsTab = tab("Logs", logs, "activation-details-logs-tab");
        Tab annotationsTab = tab("Annotations", annotations, "activation-details-annotations-tab");
        Tab paramsTab = tab("Parameters", paramsPane, "activation-details-params-tab");
        tabs.getTabs().addAll(resultTab, logsTab, annotationsTab, paramsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("activation-details-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header, tabs);
        clear();
    }

    private static Tab tab(String name, Node content, String cssId) {
        Tab tab = new Tab(name, content);
        tab.setId(cssId);
        return tab;
    }

    /** Asked to show another activation: a component in the tree, or the sequence a component is part of. */
    public void setOnSelectActivation(Consumer<String> onSelectActivation) {
        this.onSelectActivation = Objects.requireNonNull(onSelectActivation);
    }

    public void setOnOpenAction(Consumer<ActionRef> onOpenAction) {
        this.onOpenAction = Objects.requireNonNull(onOpenAction);
    }

    /**
     * Shows "Debug again", which calls {@code onDebugWithInput} with the activation's action and the
     * parameters it was invoked with (on a target that records them; not for a sequence, which has no code).
     */
    public void setOnDebugWithInput(java.util.function.BiConsumer<ActionRef, JsonNode> onDebugWithInput) {
        this.onDebugWithInput = onDebugWithInput;
        debugAgain.setVisible(onDebugWithInput != null);
        debugAgain.setManaged(onDebugWithInput != null);
    }

    void setSource(Source source) {
        this.source = source;
        clear();
    }

    /** The activation shown, or null. */
    public ReadOnlyObjectProperty<ActivationRow> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** What is still being read for the activation shown ("record", "parameters", "components"); empty when done. */
    public ReadOnlyStringProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public LogView logs() {
        return logs;
    }

    public TabPane tabs() {
        return tabs;
    }

    public TreeView<SequenceTree.Node> components() {
        return components;
    }

    public void clear() {
        generation++;
        shown.set(null);
        title.setText("No activation selected");
        id.setText("");
        status.setText("");
        Marks.status(status, null);
        facts.setText("");
        parent.setVisible(false);
        parent.setManaged(false);
        openAction.setDisable(true);
        recordedParams = null;
        debugAgain.setDisable(true);
        message.setText("");
        result.setJson(null);
        logs.setLines(List.of());
        annotations.getItems().clear();
        params.setJson(null);
        paramsNote.setText("");
        fillTree(null);
        tabs.getTabs().remove(componentsTab);
        loading.set("");
    }

    /** Shows a row at once from what it carries, then its whole record, parameters and components as they come. */
    public void show(ActivationRow row) {
        if (row == null) {
            clear();
            return;
        }
        if (row.equals(shown.get())) {
            return;
        }
        clear();
        long mine = generation;
        shown.set(row);
        title.setText(row.path());
        id.setText(row.activationId());
        status.setText(row.status().title());
        Marks.status(status, row.status());
        facts.setText(facts(row));
        if (row.cause() != null) {
            parent.setText("Part of sequence activation " + row.cause().substring(0, Math.min(12, row.cause().length()))
                    + "…");
            parent.setVisible(true);
            parent.setManaged(true);
        }
        openAction.setDisable(row.actionRef() == null);
        if (row.isSequence()) {
            tabs.getTabs().add(componentsTab);
        }
        if (source == null) {
            return;
        }
        Source from = source;
        loading.set("record");
        logs.setPlaceholder("Reading the logs…");
        CompletableFuture.supplyAsync(() -> {
            try {
                JsonNode record = from.fetcher().record(row.activationId());
                List<String> raw = new ArrayList<>();
                record.path("logs").forEach(l -> raw.add(l.asText()));
                return new Loaded(record, LogLine.parseAll(raw));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).whenComplete((loaded, failure) -> Platform.runLater(() -> {
            if (mine != generation) {
                return;
            }
            if (failure != null) {
                loading.set("");
                logs.setPlaceholder("No logs");
                message.setText("Could not read the activation: " + Failures.messageOf(Failures.unwrap(failure)));
                return;
            }
            showRecord(loaded);
            loadParams(row, from, mine);
        }));
    }

    /** A whole record with its log lines parsed (off the FX thread: logs can hold thousands of lines). */
    private record Loaded(JsonNode record, List<LogLine> lines) {
    }

    private void showRecord(Loaded loaded) {
        JsonNode record = loaded.record();
        result.setJson(record.path("response"));
        logs.setPlaceholder("No logs");
        logs.setLines(loaded.lines());
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        for (JsonNode a : record.path("annotations")) {
            JsonNode v = a.path("value");
            rows.add(Map.entry(a.path("key").asText(), v.isTextual() ? v.asText() : v.toString()));
        }
        annotations.getItems().setAll(rows);
    }

    private void loadParams(ActivationRow row, Source from, long mine) {
        if (!from.insight().recordsParams()) {
            paramsNote.setText("Parameters are not recorded on this target.");
            loadTree(row, from, mine);
            return;
        }
        loading.set("parameters");
        CompletableFuture.supplyAsync(() -> {
            try {
                return from.insight().params(from.namespace(), row.activationId());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).whenComplete((found, failure) -> Platform.runLater(() -> {
            if (mine != generation) {
                return;
            }
            if (failure != null) {
                paramsNote.setText("Could not read the parameters: " + Failures.messageOf(Failures.unwrap(failure)));
            } else if (found.isEmpty()) {
                paramsNote.setText("No parameters were recorded for this activation.");
            } else {
                params.setJson(found.get());
                recordedParams = found.get();
                debugAgain.setDisable(row.actionRef() == null || row.isSequence());
            }
            loadTree(row, from, mine);
        }));
    }

    private void loadTree(ActivationRow row, Source from, long mine) {
        if (!row.isSequence()) {
            loading.set("");
            return;
        }
        loading.set("components");
        CompletableFuture.supplyAsync(() -> {
            try {
                return SequenceTree.load(from.fetcher(), from.fetcher().record(row.activationId()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).whenComplete((tree, failure) -> Platform.runLater(() -> {
            if (mine != generation) {
                return;
            }
            loading.set("");
            if (failure != null) {
                message.setText("Could not read the components: " + Failures.messageOf(Failures.unwrap(failure)));
            } else {
                fillTree(tree);
            }
        }));
    }

    private void fillTree(SequenceTree.Node tree) {
        treeFilling = true;
        try {
            components.setRoot(tree == null ? null : item(tree));
            components.getSelectionModel().clearSelection();
        } finally {
            treeFilling = false;
        }
    }

    private static TreeItem<SequenceTree.Node> item(SequenceTree.Node node) {
        TreeItem<SequenceTree.Node> item = new TreeItem<>(node);
        node.children().forEach(child -> item.getChildren().add(item(child)));
        item.setExpanded(true);
        return item;
    }

    /** "Started 12:00:01.234 · 120 ms · waited 3 ms · cold start, init 250 ms · 256 MB · nodejs:20 · container c1". */
    private String facts(ActivationRow row) {
        List<String> parts = new ArrayList<>();
        parts.add("Started " + RowText.startWithDate(row.start(), zone));
        parts.add(row.hasEnd() ? RowText.millis(row.duration()) : "no end recorded");
        if (row.waitTime() >= 0) {
            parts.add("waited " + RowText.millis(row.waitTime()));
        }
        switch (row.startKind()) {
            case COLD -> parts.add("cold start" + (row.initTime() >= 0 ? ", init " + RowText.millis(row.initTime()) : ""));
            case PREWARM -> parts.add("prewarm start" + (row.initTime() >= 0 ? ", init " + RowText.millis(row.initTime()) : ""));
            case WARM -> parts.add("warm start");
            case UNKNOWN -> {
                if (row.isSequence()) {
                    parts.add("sequence");
                }
            }
        }
        if (row.memory() >= 0) {
            parts.add(RowText.memory(row.memory()));
        }
        if (!row.kind().isEmpty() && !row.isSequence()) {
            parts.add(row.kind());
        }
        if (row.containerId() != null) {
            parts.add("container " + row.containerId());
        }
        return String.join(" · ", parts);
    }

    /** A component: its name, status and duration; a sequence's own components below it. */
    private final class ComponentCell extends TreeCell<SequenceTree.Node> {
        @Override
        protected void updateItem(SequenceTree.Node node, boolean empty) {
            super.updateItem(node, empty);
            Marks.status(this, node == null || node.row() == null ? null : node.row().status());
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                setOnMouseClicked(null);
                return;
            }
            String shortId = node.activationId().substring(0, Math.min(12, node.activationId().length()));
            if (node.row() == null) {
                setText(shortId + " · " + Optional.ofNullable(node.problem()).orElse("not read"));
            } else {
                ActivationRow r = node.row();
                setText(r.path() + " · " + r.status().title() + " · " + RowText.millis(r.duration()) + " · " + shortId);
            }
            // a click on the selected component selects it again (the selection listener would not fire)
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getTreeItem() != null && getTreeItem().getParent() != null
                        && isSelected() && e.getClickCount() == 2) {
                    onSelectActivation.accept(node.activationId());
                }
            });
        }
    }
}
