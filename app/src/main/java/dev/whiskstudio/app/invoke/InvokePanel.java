package dev.whiskstudio.app.invoke;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.explorer.ProblemText;
import dev.whiskstudio.app.explorer.TargetClients;
import dev.whiskstudio.app.json.JsonTreeView;
import dev.whiskstudio.app.json.ViewsStyleSheet;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Invokes one action: parameters as JSON (checked as they are typed; an empty editor sends {@code {}}), earlier
 * inputs of the action on the target to pick from, blocking or non-blocking, Run (Ctrl+Enter) and Cancel (Escape)
 * while waiting. The outcome shows the status in colour, the duration, a cold or warm start and the wait, the
 * activation id as a link ({@link #setOnOpenActivation}), the result as a JSON tree and the logs. Failures are shown
 * in words; the parameters typed are kept, also per action when switching between actions.
 */
public class InvokePanel extends BorderPane {
    public static final KeyCombination RUN_KEY = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final Supplier<Target> target;
    private final Executor executor;
    private final TargetClients clients;
    private final InputHistory history;
    private final ParamsEditor editor;
    private Consumer<String> onOpenActivation = id -> { };
    private Duration pollLimit = Invoker.DEFAULT_POLL_LIMIT;

    private final ReadOnlyObjectWrapper<ActionRef> action = new ReadOnlyObjectWrapper<>(this, "action");
    private final ReadOnlyObjectWrapper<ParsedParams> parsed = new ReadOnlyObjectWrapper<>(this, "parsed");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    /** Text typed for each action not shown now, so switching actions loses nothing. */
    private final Map<String, String> drafts = new HashMap<>();
    private String shownKey;
    private Task<InvokeOutcome> current;
    private String acceptedId;

    private final Label actionLabel = new Label("No action chosen");
    private final ComboBox<String> historyBox = new ComboBox<>();
    private final Label paramsProblem = new Label();
    private final RadioButton blocking = new RadioButton("Blocking");
    private final RadioButton nonBlocking = new RadioButton("Non-blocking");
    private final Button runButton = new Button("Run");
    private final Button cancelButton = new Button("Cancel");
    private final Button debugButton = new Button("Debug");
    private final Label status = new Label();
    private final Label duration = new Label();
    private final Label start = new Label();
    private final Label waitTime = new Label();
    private final Hyperlink activationLink = new Hyperlink();
    private final Label message = new Label();
    private final JsonTreeView resultTree = new JsonTreeView();
    private final TextArea logs = new TextArea();

    /** With a plain text editor and a client per target made for this panel. */
    public InvokePanel(Supplier<Target> target, Executor executor, InputHistory history) {
        this(target, executor, new TargetClients(), history, new TextAreaParamsEditor());
    }

    /**
     * @param target   the target to invoke on, read on the FX thread
     * @param executor runs the invocations and polls
     * @param clients  the client of each target (may be shared with the explorer)
     * @param history  the remembered inputs
     * @param editor   the parameters editor
     */
    public InvokePanel(Supplier<Target> target, Executor executor, TargetClients clients, InputHistory history,
                       ParamsEditor editor) {
        this.target = Objects.requireNonNull(target);
        this.executor = Objects.requireNonNull(executor);
        this.clients = Objects.requireNonNull(clients);
        this.history = Objects.requireNonNull(history);
        this.editor = Objects.requireNonNull(editor);
        setId("invoke-panel");
        getStyleClass().add("invoke-panel");
        getStylesheets().add(ViewsStyleSheet.url());

        parsed.set(ParsedParams.of(editor.getText()));
        editor.textProperty().addListener((obs, old, text) -> parsed.set(ParsedParams.of(text)));
        paramsProblem.setId("invoke-params-problem");
        paramsProblem.getStyleClass().add("invoke-params-problem");
        paramsProblem.setWrapText(true);
        paramsProblem.textProperty().bind(Bindings.createStringBinding(
                () -> parsed.get().valid() ? "" : parsed.get().problem(), parsed));
        paramsProblem.visibleProperty().bind(paramsProblem.textProperty().isNotEmpty());
        paramsProblem.managedProperty().bind(paramsProblem.visibleProperty());

        VBox results = resultSection();
        // the result scrolls; the parameters and the buttons above it keep their room when the panel is short
        results.setMinHeight(60);
        SplitPane split = new SplitPane(paramsSection(), results);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        setCenter(split);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RUN_KEY.match(e)) {
                e.consume();
                run();
            } else if (e.getCode() == KeyCode.ESCAPE && running.get()) {
                e.consume();
                cancel();
            }
        });
        clearOutcome();
    }

    // ---- what the lead wires ----

    /** Called with an activation id when its link is clicked. */
    public void setOnOpenActivation(Consumer<String> onOpenActivation) {
        this.onOpenActivation = Objects.requireNonNull(onOpenActivation);
    }

    /**
     * Shows a Debug button beside Run that calls {@code onDebug} (the workbench takes {@link #pendingRun()}, starts a
     * debug session and then {@link #run(PendingRun, boolean, Duration)}, non-blocking, followed for as long as the
     * debugger may hold the activation); null hides it.
     */
    public void setOnDebug(Runnable onDebug) {
        debugButton.setOnAction(onDebug == null ? null : e -> onDebug.run());
        debugButton.setVisible(onDebug != null);
        debugButton.setManaged(onDebug != null);
    }

    /** How long a non-blocking invocation is followed before the panel stops waiting for its record. */
    public void setPollLimit(Duration pollLimit) {
        this.pollLimit = Objects.requireNonNull(pollLimit);
    }

    public ParamsEditor editor() {
        return editor;
    }

    public JsonTreeView resultView() {
        return resultTree;
    }

    public ReadOnlyObjectProperty<ActionRef> actionProperty() {
        return action.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Shows an action: its text typed earlier in this session, else its newest remembered input, else an empty
     * editor; its remembered inputs in the list. A running invocation of the previous action goes on and is shown.
     */
    public void setAction(ActionRef next) {
        if (shownKey != null) {
            drafts.put(shownKey, editor.getText());
        }
        action.set(next);
        Target t = target.get();
        shownKey = next == null ? null : (t == null ? "" : t.apiHost()) + " " + next.qualifiedName();
        actionLabel.setText(next == null ? "No action chosen" : next.qualifiedName());
        historyBox.getItems().clear();
        if (next == null) {
            return;
        }
        String draft = drafts.get(shownKey);
        editor.setText(draft == null ? "" : draft);
        if (t == null) {
            return;
        }
        String key = shownKey;
        history.recent(InputHistory.key(t, next)).whenComplete((inputs, failure) -> Platform.runLater(() -> {
            if (failure != null || !key.equals(shownKey)) {
                return;
            }
            historyBox.getItems().setAll(inputs);
            if (draft == null && editor.getText().isEmpty() && !inputs.isEmpty()) {
                editor.setText(inputs.get(0));
            }
        }));
    }

    public ActionRef getAction() {
        return action.get();
    }

    /** Invokes the action with the parameters typed, when they are valid and nothing runs yet (Run, Ctrl+Enter). */
    public void run() {
        pendingRun().ifPresent(r -> run(r, blocking.isSelected(), pollLimit));
    }

    /** What Run would invoke now: the target, the action shown and the parameters typed; empty when Run can't. */
    public java.util.Optional<PendingRun> pendingRun() {
        Target t = target.get();
        ActionRef a = action.get();
        ParsedParams params = parsed.get();
        if (t == null || a == null || !params.valid()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new PendingRun(t, a, params, editor.getText().strip()));
    }

    /**
     * An invocation as it was asked for: a debugged one is taken when Debug is pressed and started once the debug
     * session is ready, whatever the panel shows by then.
     */
    public record PendingRun(Target target, ActionRef action, ParsedParams params, String typed) {
        /** The same on another target (the simulator, where debugging runs). */
        public PendingRun on(Target other) {
            return new PendingRun(other, action, params, typed);
        }
    }

    /**
     * Starts a run taken earlier, blocking or not, following a non-blocking activation for up to {@code waitLimit};
     * false (and nothing done) while another invocation is running.
     */
    public boolean run(PendingRun run, boolean block, Duration waitLimit) {
        Objects.requireNonNull(waitLimit);
        if (running.get()) {
            return false;
        }
        Target t = run.target();
        ActionRef a = run.action();
        ParsedParams params = run.params();
        String typed = run.typed();
        if (!typed.isEmpty()) {
            String key = shownKey;
            history.remember(InputHistory.key(t, a), typed).thenCompose(v -> history.recent(InputHistory.key(t, a)))
                    .whenComplete((inputs, failure) -> Platform.runLater(() -> {
                        if (failure == null && key.equals(shownKey)) {
                            historyBox.getItems().setAll(inputs);
                        }
                    }));
        }
        clearOutcome();
        acceptedId = null;
        message.setText(block ? "Invoking " + a + "…" : "Starting " + a + "…");
        Task<InvokeOutcome> task = new Task<>() {
            @Override
            protected InvokeOutcome call() throws Exception {
                Invoker invoker = new Invoker(clients.clientFor(t), waitLimit);
                return invoker.invoke(a, params.params(), block, id -> Platform.runLater(() -> accepted(this, id)),
                        this::isCancelled);
            }
        };
        current = task;
        running.set(true);
        task.setOnSucceeded(e -> finish(task, () -> showOutcome(task.getValue())));
        task.setOnFailed(e -> finish(task, () -> {
            message.setText(ProblemText.of(task.getException(), t.apiHost()));
            message.getStyleClass().add("invoke-message-problem");
        }));
        task.setOnCancelled(e -> finish(task, () -> message.setText("Stopped waiting. The activation itself goes on"
                + (acceptedId == null ? " on the target." : ": " + acceptedId + "."))));
        try {
            executor.execute(task);
        } catch (RuntimeException rejected) {
            finish(task, () -> message.setText("The invocation could not start: " + rejected.getMessage()));
        }
        return true;
    }

    /** Stops waiting for the running invocation; the activation itself goes on on the target. */
    public void cancel() {
        if (current != null) {
            current.cancel(true);
        }
    }

    // ---- the outcome ----

    private void accepted(Task<InvokeOutcome> task, String id) {
        if (task != current) {
            return;
        }
        acceptedId = id;
        showActivationId(id);
        message.setText("Accepted (202). Waiting for activation " + id + " to finish…");
    }

    private void finish(Task<InvokeOutcome> task, Runnable show) {
        if (task != current) {
            return;
        }
        current = null;
        running.set(false);
        show.run();
    }

    private void showOutcome(InvokeOutcome outcome) {
        showActivationId(outcome.activationId());
        message.setText(outcome.note() == null ? "" : outcome.note());
        if (!outcome.finished()) {
            return;
        }
        ActivationFacts facts = ActivationFacts.of(outcome.record());
        status.setText(facts.statusTitle());
        status.getStyleClass().add(facts.statusStyle());
        status.setVisible(true);
        duration.setText(facts.durationMs() + " ms");
        duration.setVisible(true);
        if (facts.coldStart()) {
            start.setText("Cold start, init " + facts.initTimeMs() + " ms");
            start.setGraphic(new IconGraphic(Icon.COLD_START, 14));
        } else {
            start.setText("Warm start");
            start.setGraphic(new IconGraphic(Icon.WARM_START, 14));
        }
        start.setVisible(true);
        if (facts.waitTimeMs() != null) {
            waitTime.setText("waited " + facts.waitTimeMs() + " ms");
            waitTime.setVisible(true);
        }
        resultTree.setJson(facts.result());
        logs.setText(String.join("\n", outcome.logs()));
        logs.setPromptText(outcome.logs().isEmpty() ? "No logs" : "");
    }

    private void showActivationId(String id) {
        activationLink.setText(id == null ? "" : id);
        activationLink.setVisible(id != null);
    }

    private void clearOutcome() {
        status.setText("");
        status.getStyleClass().removeIf(c -> c.startsWith("invoke-status-"));
        status.setVisible(false);
        duration.setVisible(false);
        start.setVisible(false);
        start.setGraphic(null);
        waitTime.setVisible(false);
        showActivationId(null);
        message.setText("");
        message.getStyleClass().remove("invoke-message-problem");
        resultTree.setJson(null);
        logs.clear();
        logs.setPromptText("Logs show here after a run");
    }

    // ---- layout ----

    private VBox paramsSection() {
        actionLabel.setId("invoke-action");
        actionLabel.getStyleClass().add("invoke-action");
        historyBox.setId("invoke-history");
        historyBox.setPromptText("Earlier inputs");
        historyBox.setCellFactory(list -> new InputCell(null));
        historyBox.setButtonCell(new InputCell(historyBox.getPromptText()));
        historyBox.disableProperty().bind(Bindings.isEmpty(historyBox.getItems()));
        historyBox.setOnAction(e -> {
            String chosen = historyBox.getValue();
            if (chosen != null) {
                editor.setText(chosen);
                // so the same input can be picked again, and the box goes back to its prompt
                Platform.runLater(() -> historyBox.setValue(null));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(new IconGraphic(Icon.PLAY, 14), actionLabel, spacer, historyBox);
        header.getStyleClass().add("invoke-header");

        ToggleGroup mode = new ToggleGroup();
        blocking.setToggleGroup(mode);
        nonBlocking.setToggleGroup(mode);
        blocking.setSelected(true);
        blocking.setId("invoke-blocking");
        nonBlocking.setId("invoke-nonblocking");
        blocking.setTooltip(new Tooltip("Wait for the result (up to 60 s)"));
        nonBlocking.setTooltip(new Tooltip("Get the activation id at once, then follow the activation"));
        runButton.setId("invoke-run");
        runButton.setDefaultButton(false);
        runButton.getStyleClass().add("accent");
        runButton.setTooltip(new Tooltip("Run (Ctrl+Enter)"));
        runButton.setOnAction(e -> run());
        runButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> action.get() == null || !parsed.get().valid() || running.get(), action, parsed, running));
        cancelButton.setId("invoke-cancel");
        cancelButton.setTooltip(new Tooltip("Stop waiting (Escape); the activation goes on"));
        cancelButton.setOnAction(e -> cancel());
        cancelButton.visibleProperty().bind(running);
        cancelButton.managedProperty().bind(running);
        // Cancel takes Run's place while an invocation runs (Run cannot be pressed then): the row stays one line
        runButton.visibleProperty().bind(running.not());
        runButton.managedProperty().bind(running.not());
        debugButton.setId("invoke-debug");
        debugButton.setTooltip(new Tooltip("Debug: run under the debugger, stopping at the breakpoints (Shift+F9)"));
        debugButton.disableProperty().bind(runButton.disableProperty());
        debugButton.setVisible(false);
        debugButton.setManaged(false);
        for (javafx.scene.control.Control c : List.of(blocking, nonBlocking, cancelButton, debugButton, runButton)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        InvokeControls controls = new InvokeControls(new javafx.scene.Node[]{blocking, nonBlocking},
                new javafx.scene.Node[]{cancelButton, debugButton, runButton});
        controls.getStyleClass().add("invoke-controls");

        VBox.setVgrow(editor.node(), Priority.ALWAYS);
        // a few lines of the parameters stay visible however the panel is split: the split keeps this minimum
        if (editor.node() instanceof Region r) {
            r.setMinHeight(72);
        }
        VBox section = new VBox(header, editor.node(), paramsProblem, controls);
        section.getStyleClass().add("invoke-section");
        return section;
    }

    private VBox resultSection() {
        status.setId("invoke-status");
        status.getStyleClass().add("invoke-status");
        duration.setId("invoke-duration");
        duration.getStyleClass().add("invoke-fact");
        start.setId("invoke-start");
        start.getStyleClass().add("invoke-fact");
        waitTime.setId("invoke-wait");
        waitTime.getStyleClass().add("invoke-fact");
        activationLink.setId("invoke-activation");
        activationLink.getStyleClass().add("invoke-activation");
        activationLink.setTooltip(new Tooltip("Open the activation"));
        activationLink.setOnAction(e -> {
            activationLink.setVisited(false);
            onOpenActivation.accept(activationLink.getText());
        });
        // the facts keep their width and wrap onto a second line when the panel is narrow
        for (Label fact : List.of(status, duration, start, waitTime)) {
            fact.setMinWidth(Region.USE_PREF_SIZE);
        }
        activationLink.setMinWidth(80);
        FlowPane summary = new FlowPane(status, duration, start, waitTime, activationLink);
        summary.getStyleClass().add("invoke-summary");
        message.setId("invoke-message");
        message.getStyleClass().add("invoke-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());

        resultTree.setId("invoke-result");
        logs.setId("invoke-logs");
        logs.getStyleClass().add("invoke-logs");
        logs.setEditable(false);
        Label resultTitle = new Label("Result");
        resultTitle.getStyleClass().add("invoke-subtitle");
        Label logsTitle = new Label("Logs");
        logsTitle.getStyleClass().add("invoke-subtitle");
        VBox resultBox = new VBox(resultTitle, resultTree);
        VBox.setVgrow(resultTree, Priority.ALWAYS);
        VBox logsBox = new VBox(logsTitle, logs);
        VBox.setVgrow(logs, Priority.ALWAYS);
        SplitPane outputs = new SplitPane(resultBox, logsBox);
        outputs.setOrientation(Orientation.VERTICAL);
        outputs.setDividerPositions(0.6);
        VBox.setVgrow(outputs, Priority.ALWAYS);
        VBox section = new VBox(summary, message, outputs);
        section.getStyleClass().add("invoke-section");
        return section;
    }

    /** An earlier input on one line. */
    private static final class InputCell extends ListCell<String> {
        private static final int MAX = 80;
        /** What the closed box shows with nothing chosen (a custom button cell hides the prompt text otherwise). */
        private final String placeholder;

        InputCell(String placeholder) {
            this.placeholder = placeholder;
        }

        @Override
        protected void updateItem(String input, boolean empty) {
            super.updateItem(input, empty);
            if (empty || input == null) {
                setText(placeholder);
                return;
            }
            String line = input.replaceAll("\\s+", " ").strip();
            setText(line.length() > MAX ? line.substring(0, MAX) + "…" : line);
        }
    }

    /** The inputs now offered in the list, newest first. */
    public List<String> rememberedInputs() {
        return List.copyOf(historyBox.getItems());
    }
}
