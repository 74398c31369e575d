package dev.whiskstudio.app.activations;

import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.ui.Failures;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The activations of a target: a filter bar, the virtualized table ("N of M shown"), and the details of the
 * selected activation. History is read a few pages at first and more on "Load older" or when the table is
 * scrolled to its end; new activations come from the target's live feed while the view is showing and "Live" is on.
 * The text search in logs and results reads whole records in the background and says how far it is. Export
 * writes the selected activations' whole records as a JSON array. Every request and the filtering run off the FX
 * thread; failures are said in the view.
 *
 * <p>Wiring: {@link #setTarget} when the target changes ({@link ActivationTarget#polling} for any target),
 * {@link #setOnOpenAction} to open an action's source, {@link #dispose} when the view goes away.
 */
public class ActivationsView extends BorderPane {
    public static final KeyCombination FIND_KEY = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination EXPORT_KEY = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    public static final int DEFAULT_HISTORY_PAGES = 2;
    public static final int DEFAULT_MORE_PAGES = 2;

    private final Executor io;
    private final ZoneId zone;
    private final ActivationLog log = new ActivationLog();
    private final ShownActivations shown;
    private final ActivationTable table;
    private final FilterBar filterBar;
    private final ActivationDetails details;
    private final ToggleButton live = new ToggleButton("Live");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final Button refresh = new Button("Refresh");
    private final Button loadMore = new Button("Load older");
    private final Button export = new Button("Export…");
    private final Label count = new Label();
    private final Label feedState = new Label();
    private final Label message = new Label();
    private final Label problem = new Label();
    private final HBox problemBar;
    private final ObservableValue<Boolean> showing;
    private ExportChooser exportChooser = ExportChooser.fileChooser();
    private Consumer<ActionRef> onOpenAction = ref -> { };
    private int historyPages = DEFAULT_HISTORY_PAGES;
    private int morePages = DEFAULT_MORE_PAGES;
    private volatile Session session;
    private boolean loadingHistory;
    private List<String> selectedIds = List.of();
    private String pendingSelect;
    private String pendingSelectFallback;

    /** The state of one target: its readers, its background work and its feed subscription. */
    private final class Session {
        final ActivationTarget target;
        final RecordFetcher fetcher;
        final DocIndexer indexer;
        volatile ActivationHistory history;
        ActivationFeed.FeedSubscription subscription;
        volatile boolean closed;

        Session(ActivationTarget target) {
            this.target = target;
            this.fetcher = new RecordFetcher(target.reader(), new RecordCache(RecordCache.DEFAULT_CAPACITY), log);
            this.indexer = new DocIndexer(log, fetcher, io, text -> Platform.runLater(() -> {
                if (session == this) {
                    showProblem(text);
                }
            }));
            this.history = new ActivationHistory(target.reader(), target.insight());
        }

        void close() {
            closed = true;
            indexer.close();
            if (subscription != null) {
                subscription.close();
                subscription = null;
            }
        }
    }

    public ActivationsView(Executor io, SavedFilters savedFilters) {
        this(io, savedFilters, ZoneId.systemDefault());
    }

    /**
     * @param io           runs the requests, file writes and filtering
     * @param savedFilters the saved filters' file
     * @param zone         the time zone times are shown in
     */
    public ActivationsView(Executor io, SavedFilters savedFilters, ZoneId zone) {
        this.io = Objects.requireNonNull(io, "io");
        this.zone = Objects.requireNonNull(zone, "zone");
        setId("activations-view");
        getStyleClass().add("activations-view");
        getStylesheets().add(ActivationsStyleSheet.url());

        shown = new ShownActivations(log, io);
        table = new ActivationTable(zone);
        table.setItems(shown.rows());
        filterBar = new FilterBar(savedFilters, shown.paths(), zone);
        details = new ActivationDetails(io, zone);
        details.setOnSelectActivation(this::select);
        details.setOnOpenAction(ref -> onOpenAction.accept(ref));

        live.setId("activations-live");
        live.setSelected(true);
        live.setTooltip(new Tooltip("Show new activations as they are recorded"));
        refresh.setId("activations-refresh");
        refresh.setTooltip(new Tooltip("Read the newest activations again"));
        refresh.setOnAction(e -> refresh());
        loadMore.setId("activations-load-more");
        loadMore.setTooltip(new Tooltip("Read older activations"));
        loadMore.setOnAction(e -> loadMore());
        export.setId("activations-export");
        export.setTooltip(new Tooltip("Write the selected activations' records to a JSON file (Ctrl+E)"));
        export.setOnAction(e -> exportSelected());
        export.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        count.setId("activations-count");
        count.getStyleClass().add("activations-count");
        feedState.setId("activations-feed-state");
        feedState.getStyleClass().add("activations-muted");
        message.setId("activations-message");
        message.getStyleClass().add("activations-muted");
        problem.setId("activations-problem");
        problem.getStyleClass().add("activations-problem-text");
        problem.setWrapText(true);
        Button dismiss = new Button("×");
        dismiss.setId("activations-problem-dismiss");
        dismiss.setOnAction(e -> showProblem(""));
        problemBar = new HBox(8, problem, dismiss);
        problemBar.getStyleClass().add("activations-problem");
        problemBar.setId("activations-problem-bar");
        problemBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(problem, Priority.ALWAYS);
        showProblem("");

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox toolbar = new HBox(8, live, refresh, loadMore, export, feedState, grow, message, count);
        toolbar.getStyleClass().add("activations-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        setTop(new VBox(toolbar, filterBar, problemBar));

        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(details, false);
        setCenter(split);

        count.textProperty().bind(Bindings.createStringBinding(this::countText,
                shown.shownProperty(), shown.totalProperty()));
        shown.problemProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                showProblem(text);
            }
        });
        shown.docsPendingProperty().addListener((obs, old, now) -> showDocsStatus());
        shown.setOnApplied(this::afterApply);
        filterBar.filterProperty().addListener((obs, old, f) -> {
            shown.setFilter(f);
            Session s = session;
            if (s != null) {
                s.indexer.setActive(f.needsDocs());
            }
            showDocsStatus();
        });
        table.setOnSort(shown::setSort);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ActivationRow>) c -> {
            if (!shown.applying()) {
                selectedIds = table.getSelectionModel().getSelectedItems().stream()
                        .filter(Objects::nonNull).map(ActivationRow::activationId).toList();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!shown.applying() && row != null) {
                details.show(row);
            }
        });
        table.skinProperty().addListener((obs, old, skin) -> watchScrollEnd());
        log.addListener(() -> {
            Session s = session;
            if (s != null) {
                s.indexer.wake();
            }
        });

        showing = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.addListener((obs, old, now) -> updateLive());
        live.selectedProperty().addListener((obs, old, now) -> updateLive());
        active.addListener((obs, old, now) -> updateLive());

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND_KEY.match(e)) {
                e.consume();
                filterBar.lookup("#activations-filter-text").requestFocus();
            } else if (EXPORT_KEY.match(e)) {
                e.consume();
                exportSelected();
            }
        });
        updateButtons();
    }

    /** Shows the activations of another target (null: none). The log starts empty; history and live start. */
    public void setTarget(ActivationTarget target) {
        Session old = session;
        if (old != null) {
            old.close();
        }
        log.clear();
        details.clear();
        feedState.setText("");
        message.setText("");
        showProblem("");
        loadingHistory = false;
        if (target == null) {
            session = null;
            details.setSource(null);
            table.setPlaceholder(new Label("No target chosen"));
            updateButtons();
            return;
        }
        Session s = new Session(target);
        session = s;
        details.setSource(new ActivationDetails.Source(s.fetcher, target.insight(), target.namespace()));
        table.setPlaceholder(new Label("No activations"));
        s.indexer.setActive(filterBar.getFilter().needsDocs());
        loadPages(s, historyPages);
        updateLive();
    }

    public ActivationTarget target() {
        Session s = session;
        return s == null ? null : s.target;
    }

    /** Whether new activations are shown as they are recorded (while the view is showing). */
    public BooleanProperty liveProperty() {
        return live.selectedProperty();
    }

    /**
     * Whether the view is in front, e.g. bound to its tab's {@code selectedProperty()}: the live feed runs only while
     * the view is active, "Live" is on and its window is showing. True unless set.
     */
    public BooleanProperty activeProperty() {
        return active;
    }

    public void setOnOpenAction(Consumer<ActionRef> onOpenAction) {
        this.onOpenAction = Objects.requireNonNull(onOpenAction);
    }

    /** "Debug again" in the details; null hides it. */
    public void setOnDebugWithInput(java.util.function.BiConsumer<ActionRef, com.fasterxml.jackson.databind.JsonNode> onDebug) {
        details.setOnDebugWithInput(onDebug);
    }

    /** Where an export is written; the platform's save dialog unless replaced. */
    public void setExportChooser(ExportChooser chooser) {
        this.exportChooser = Objects.requireNonNull(chooser);
    }

    /** How many pages of history are read first, and on each "Load older". */
    public void setHistoryPages(int initial, int more) {
        if (initial < 1 || more < 1) {
            throw new IllegalArgumentException("read at least one page");
        }
        this.historyPages = initial;
        this.morePages = more;
    }

    public ActivationLog log() {
        return log;
    }

    public ShownActivations shown() {
        return shown;
    }

    public ActivationTable table() {
        return table;
    }

    public FilterBar filterBar() {
        return filterBar;
    }

    public ActivationDetails details() {
        return details;
    }

    /** Reads the newest pages again (rows already there stay). */
    public void refresh() {
        Session s = session;
        if (s == null || loadingHistory) {
            return;
        }
        s.history = new ActivationHistory(s.target.reader(), s.target.insight());
        loadPages(s, historyPages);
    }

    /** Reads older pages. */
    public void loadMore() {
        Session s = session;
        if (s != null) {
            loadPages(s, morePages);
        }
    }

    /**
     * Selects an activation in the table and shows it. One that is not in the log is read from the target and
     * added; one the filter hides is shown in the details alone, with a note.
     */
    public void select(String activationId) {
        int at = indexOf(activationId);
        if (at >= 0) {
            selectAt(at);
            return;
        }
        Session s = session;
        if (s == null) {
            return;
        }
        LogEntry known = log.get(activationId);
        if (known != null) {
            showHidden(known.row());
            return;
        }
        message.setText("Reading activation " + activationId + "…");
        io.execute(() -> {
            try {
                ActivationRow row = ActivationRow.of(s.fetcher.record(activationId));
                List<ActivationRow> enriched = s.target.insight().enrich(s.target.namespace(), List.of(row));
                Platform.runLater(() -> {
                    if (session == s) {
                        message.setText("");
                        pendingSelect = activationId;
                        pendingSelectFallback = activationId;
                    }
                });
                log.add(enriched);
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    if (session == s) {
                        message.setText("");
                        showProblem("Could not read activation " + activationId + ": "
                                + Failures.messageOf(Failures.unwrap(e)));
                    }
                });
            }
        });
    }

    /** Writes the selected activations' whole records (in the table's order) to a file the chooser names. */
    public void exportSelected() {
        Session s = session;
        List<Integer> indices = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
        if (s == null || indices.isEmpty()) {
            message.setText("Select the activations to export.");
            return;
        }
        indices.sort(null);
        List<String> ids = indices.stream().map(i -> shown.rows().get(i).activationId()).toList();
        String suggested = "activations-" + LocalDateTime.now(zone)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + ".json";
        Path file = exportChooser.choose(getScene() == null ? null : getScene().getWindow(), suggested);
        if (file == null) {
            return;
        }
        message.setText("Exporting " + ids.size() + " activation" + (ids.size() == 1 ? "" : "s") + "…");
        io.execute(() -> {
            try {
                int written = ActivationExport.write(ids, s.fetcher, file);
                Platform.runLater(() -> message.setText("Exported " + written + " activation"
                        + (written == 1 ? "" : "s") + " to " + file.getFileName() + "."));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    message.setText("");
                    showProblem("Could not export the activations to " + file + ": "
                            + Failures.messageOf(Failures.unwrap(e)));
                });
            }
        });
    }

    /** Stops the feed and the background reading; the view can be dropped after. */
    public void dispose() {
        Session s = session;
        session = null;
        if (s != null) {
            s.close();
        }
        shown.dispose();
    }

    /** The problem the view shows now, or empty. */
    public String problem() {
        return problem.getText();
    }

    private void loadPages(Session s, int pages) {
        if (loadingHistory || s.closed) {
            return;
        }
        loadingHistory = true;
        updateButtons();
        message.setText("Reading activations…");
        io.execute(() -> {
            Throwable failure = null;
            try {
                for (int i = 0; i < pages && !s.closed; i++) {
                    List<ActivationRow> rows = s.history.nextPage();
                    if (s.closed) {
                        return;
                    }
                    log.add(rows);
                    if (s.history.exhausted()) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            Throwable failed = failure;
            Platform.runLater(() -> {
                if (session != s) {
                    return;
                }
                loadingHistory = false;
                message.setText("");
                if (failed != null) {
                    showProblem("Could not read the activations of " + s.target.name() + ": "
                            + Failures.messageOf(Failures.unwrap(failed)));
                }
                updateButtons();
            });
        });
    }

    private void updateLive() {
        Session s = session;
        if (s == null) {
            return;
        }
        boolean wanted = live.isSelected() && active.get() && Boolean.TRUE.equals(showing.getValue());
        if (wanted && s.subscription == null) {
            s.subscription = s.target.liveFeed().subscribe(new ActivationFeed.FeedListener() {
                @Override
                public void arrived(List<ActivationRow> rows) {
                    if (session == s && !s.closed) {
                        log.add(rows);
                    }
                }

                @Override
                public void stateChanged(FeedState state) {
                    Platform.runLater(() -> {
                        if (session == s && s.subscription != null) {
                            feedState.setText(state.message());
                            feedState.getStyleClass().remove("activations-feed-failing");
                            if (state.failing()) {
                                feedState.getStyleClass().add("activations-feed-failing");
                            }
                        }
                    });
                }
            }, log.newestStart());
        } else if (!wanted && s.subscription != null) {
            s.subscription.close();
            s.subscription = null;
        }
        if (s.subscription == null) {
            feedState.getStyleClass().remove("activations-feed-failing");
            feedState.setText(live.isSelected() ? "" : "Live updates off");
        }
    }

    private void updateButtons() {
        Session s = session;
        refresh.setDisable(s == null || loadingHistory);
        loadMore.setDisable(s == null || loadingHistory || s.history.exhausted());
        loadMore.setText(s != null && s.history.exhausted() ? "All read" : "Load older");
    }

    private String countText() {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        n.setGroupingUsed(true);
        return n.format(shown.shownProperty().get()) + " of " + n.format(shown.totalProperty().get()) + " shown";
    }

    private void showDocsStatus() {
        int pending = shown.docsPendingProperty().get();
        if (!filterBar.getFilter().needsDocs() || pending == 0) {
            filterBar.setDocsStatus("");
        } else {
            filterBar.setDocsStatus("Searching logs and results: " + pending + " still to read…");
        }
    }

    private void showProblem(String text) {
        problem.setText(text);
        problemBar.setVisible(!text.isEmpty());
        problemBar.setManaged(!text.isEmpty());
    }

    private int indexOf(String activationId) {
        List<ActivationRow> rows = shown.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).activationId().equals(activationId)) {
                return i;
            }
        }
        return -1;
    }

    private void selectAt(int index) {
        table.getSelectionModel().clearAndSelect(index);
        table.scrollTo(Math.max(0, index - 3));
        details.show(shown.rows().get(index));
    }

    private void showHidden(ActivationRow row) {
        table.getSelectionModel().clearSelection();
        details.show(row);
        message.setText("Activation " + row.shortId() + " is hidden by the filter.");
    }

    /** After each filter run: the selection the list replacement lost comes back; a pending selection is made. */
    private void afterApply() {
        if (pendingSelect != null) {
            String id = pendingSelect;
            int at = indexOf(id);
            if (at >= 0) {
                pendingSelect = null;
                pendingSelectFallback = null;
                selectAt(at);
                return;
            }
            LogEntry entry = log.get(id);
            if (entry != null && id.equals(pendingSelectFallback)) {
                pendingSelect = null;
                pendingSelectFallback = null;
                showHidden(entry.row());
                return;
            }
        }
        if (!selectedIds.isEmpty() && table.getSelectionModel().getSelectedItems().isEmpty()) {
            Set<String> wanted = new HashSet<>(selectedIds);
            List<ActivationRow> rows = shown.rows();
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < rows.size() && found.size() < wanted.size(); i++) {
                if (wanted.contains(rows.get(i).activationId())) {
                    found.add(i);
                }
            }
            if (!found.isEmpty()) {
                int first = found.get(0);
                int[] rest = found.subList(1, found.size()).stream().mapToInt(Integer::intValue).toArray();
                table.getSelectionModel().selectIndices(first, rest);
            }
        }
        ActivationRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            details.show(selected);
        }
    }

    /** Scrolling to the end of the table reads older pages. */
    private void watchScrollEnd() {
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((obs, old, value) -> {
                    Session s = session;
                    if (s != null && !loadingHistory && !s.history.exhausted() && bar.getMax() > 0
                            && value.doubleValue() >= bar.getMax() && old.doubleValue() < bar.getMax()) {
                        loadMore();
                    }
                });
            }
        }
    }
}
