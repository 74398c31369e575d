package dev.whiskstudio.app.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.client.SimulatorDebugClient;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.DebugSessionOptions;
import dev.whiskstudio.app.debug.DebugState;
import dev.whiskstudio.app.debug.sim.SimulatorDebugBackend;
import dev.whiskstudio.app.debug.ui.DebugContext;
import dev.whiskstudio.app.debug.ui.DebugPanel;
import dev.whiskstudio.app.debug.ui.EditorDebugBridge;
import dev.whiskstudio.app.editor.tabs.EditorTabs;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.explorer.TargetClients;
import dev.whiskstudio.app.invoke.InvokePanel;
import dev.whiskstudio.app.project.ProjectSession;
import dev.whiskstudio.app.ui.Failures;
import dev.whiskstudio.app.workspace.project.ProjectAction;
import dev.whiskstudio.app.workspace.sync.SyncResult;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import javafx.scene.control.Tab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Debugging in the main window: Debug (the invoke panel's button, Shift+F9) starts a session of the action on the
 * simulator, with the user's file of its code open and the gutter's breakpoints applied, then invokes it as Run would,
 * following the activation for as long as the debugger may hold it. While the session is on, every activation of
 * that action (a web action called by a browser, a trigger's rule) runs in the session's container and stops at the
 * breakpoints too. "Debug again" in an activation's details does the same with the parameters that
 * activation was invoked with. A Debug for another action ends the session first; for the same one it reuses it.
 * FX thread only; the network and the files are read on {@code io}.
 */
final class DebugController {
    /** How long a debugged activation is followed: as long as a person may step through it. */
    static final Duration DEBUG_WAIT = Duration.ofHours(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Executor io;
    private final TargetsModel targets;
    private final TargetClients clients;
    private final ProjectSession project;
    private final EditorTabs editors;
    private final InvokePanel invokePanel;
    private final RemoteCode remoteCode;
    private final BackgroundWork work;
    private final Consumer<String> message;
    private final DebugContext context = new DebugContext();
    private final DebugPanel panel = new DebugPanel(context);
    private final EditorDebugBridge bridge;
    private final Tab tab = new Tab("Debug");
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(this, "starting");
    private Runnable showTab = () -> { };
    /** The session shown and what it debugs; null when none was started or it ended. */
    private Running running;

    private record Running(DebugSession session, ActionRef action, SimulatorDebugClient client) {
    }

    DebugController(Executor io, TargetsModel targets, TargetClients clients, ProjectSession project,
                    EditorTabs editors, InvokePanel invokePanel, RemoteCode remoteCode, BackgroundWork work,
                    Consumer<String> message) {
        this.io = io;
        this.targets = targets;
        this.clients = clients;
        this.project = project;
        this.editors = editors;
        this.invokePanel = invokePanel;
        this.remoteCode = remoteCode;
        this.work = work;
        this.message = message;
        this.bridge = new EditorDebugBridge(context, editors, editors::openAt);
        tab.setId("debug-tab");
        tab.setContent(panel);
        tab.textProperty().bind(Bindings.createStringBinding(() -> {
            DebugState state = context.stateProperty().get();
            return state == DebugState.PAUSED ? "Debug (paused)" : state == DebugState.RUNNING ? "Debug (running)"
                    : "Debug";
        }, context.stateProperty()));
        // the debugger comes forward when the program stops, wherever the user was looking
        context.pausedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showTab.run();
            }
        });
    }

    /** The debugger's tab, for the panel below the editor; {@code show} brings it forward. */
    Tab tab(Runnable show) {
        this.showTab = show;
        return tab;
    }

    DebugPanel panel() {
        return panel;
    }

    DebugContext context() {
        return context;
    }

    /** True while a Debug is preparing (saving, syncing, starting the container). */
    ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** Debugs the invoke panel's action with the parameters typed there. */
    void debugInvokePanel() {
        ActionRef action = invokePanel.getAction();
        if (action != null) {
            debug(action, null);
        }
    }

    /** Debugs an action with the given parameters (shown in the invoke panel first), or with those typed (null). */
    void debug(ActionRef action, JsonNode params) {
        if (starting.get() || invokePanel.runningProperty().get()) {
            message.accept("An invocation is still running: wait for it, or stop it, before debugging again.");
            return;
        }
        TargetEntry simulator = targets.simulatorEntry();
        if (simulator == null) {
            message.accept("Debugging runs on the embedded simulator, which is not running.");
            return;
        }
        Optional<ProjectAction> own = projectAction(action);
        if (!targets.isSimulatorSelected()) {
            if (own.isEmpty()) {
                message.accept("Debugging runs on the embedded simulator: " + action.qualifiedName() + " is on "
                        + Optional.ofNullable(targets.selectedProperty().get()).map(TargetEntry::name).orElse("another target")
                        + ". Sync its project to the simulator, then debug it there.");
                return;
            }
            targets.selectSimulator();
        }
        invokePanel.setAction(action);
        if (params != null) {
            invokePanel.editor().setText(pretty(params));
        }
        starting.set(true);
        showTab.run();
        ensureSession(action, own.orElse(null), simulator)
                .whenComplete((ok, failure) -> Platform.runLater(() -> {
                    starting.set(false);
                    if (failure != null) {
                        message.accept("Could not start debugging " + action.qualifiedName() + ": "
                                + Failures.messageOf(Failures.unwrap(failure)));
                        return;
                    }
                    invokePanel.run(false, DEBUG_WAIT);
                }));
    }

    /** Ends the session shown, if any (its container is removed). */
    void stop() {
        if (running != null) {
            running.session().close();
        }
    }

    /** Ends the session and stops following the editor (the window closes). */
    void dispose() {
        stop();
        bridge.dispose();
    }

    // ---- starting a session

    /** A live session of the action: the one shown when it is of this action, else a new one (the old one ended). */
    private CompletableFuture<Void> ensureSession(ActionRef action, ProjectAction own, TargetEntry simulator) {
        if (running != null && running.action().path().equals(action.path()) && isLive(running.session())) {
            if (own == null) {
                return CompletableFuture.completedFuture(null);
            }
            // the same session goes on only if the simulator still runs the project's code: else sync, start anew
            return upToDate(own, action, simulator.target()).thenCompose(fresh -> fresh
                    ? CompletableFuture.<Void>completedFuture(null)
                    : startSession(action, own, simulator));
        }
        return startSession(action, own, simulator);
    }

    private CompletableFuture<Void> startSession(ActionRef action, ProjectAction own, TargetEntry simulator) {
        CompletableFuture<Void> ended = running == null ? CompletableFuture.completedFuture(null)
                : running.session().close().handle((end, e) -> null);
        return ended
                .thenCompose(v -> onFx(() -> own == null ? copyOf(action, simulator.target())
                        : syncedProject(own, action, simulator).thenApply(x -> DebugSource.ofProject(own))))
                .thenCompose(source -> source)
                .thenCompose(source -> onFx(() -> launch(action, source, simulator.target())))
                .thenCompose(launched -> launched);
    }

    private CompletableFuture<Void> launch(ActionRef action, DebugSource source, Target simulator) {
        if (source.note() != null) {
            message.accept(source.note());
        }
        CompletableFuture<?> opened = source.file() == null ? CompletableFuture.completedFuture(null)
                : editors.open(source.file());
        SimulatorDebugClient client = new SimulatorDebugClient(simulator);
        DebugSession session = new DebugSession(DebugSessionOptions.forFx());
        Running now = new Running(session, action, client);
        running = now;
        context.setSession(session);
        session.ended().whenComplete((end, e) -> io.execute(client::close));
        // the file is open first, so the gutter's breakpoints of a file opened just now are applied too
        return opened.handle((doc, e) -> null)
                .thenCompose(v -> onFx(() -> session.launch(new SimulatorDebugBackend(client, action),
                        source.mappingFor())))
                .thenCompose(launched -> launched);
    }

    /** A copy of the target's code, fetched off the FX thread. */
    private CompletableFuture<DebugSource> copyOf(ActionRef action, Target simulator) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return DebugSource.ofCopy(remoteCode.fetch(clients.clientFor(simulator), simulator.apiHost(), action));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io);
    }

    /** Saves the open files, then syncs the project when the simulator's copy of the action is older. */
    private CompletableFuture<Void> syncedProject(ProjectAction own, ActionRef action, TargetEntry simulator) {
        return editors.saveAll()
                .thenCompose(v -> upToDate(own, action, simulator.target()))
                .thenCompose(fresh -> fresh ? CompletableFuture.<Void>completedFuture(null)
                        : onFx(() -> sync(simulator)).thenCompose(done -> done));
    }

    private CompletableFuture<Boolean> upToDate(ProjectAction own, ActionRef action, Target simulator) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                JsonNode entity;
                try {
                    entity = clients.clientFor(simulator).get(action.namespace(),
                            EntityCollection.ACTIONS, action.path());
                } catch (OpenWhiskException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    entity = null;
                }
                return !DebugSource.stale(own, entity);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io);
    }

    /** Runs the project's sync as the Sync command does (progress in the status bar, cancellable). */
    private CompletableFuture<Void> sync(TargetEntry simulator) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Task<SyncResult> task = project.syncTask(simulator);
        task.setOnSucceeded(e -> {
            SyncResult result = task.getValue();
            if (result.succeeded()) {
                done.complete(null);
            } else {
                done.completeExceptionally(new IOException("the project's sync to the simulator failed: "
                        + result.summary()));
            }
        });
        task.setOnCancelled(e -> done.completeExceptionally(new IOException("the sync was cancelled.")));
        task.setOnFailed(e -> done.completeExceptionally(task.getException()));
        if (!work.start(task)) {
            done.completeExceptionally(new IOException("other work is still running: wait for it or cancel it."));
        }
        return done;
    }

    private Optional<ProjectAction> projectAction(ActionRef action) {
        var loaded = project.projectProperty().get();
        return loaded == null ? Optional.empty() : loaded.findAction(action.path());
    }

    private static boolean isLive(DebugSession session) {
        DebugState s = session.state();
        return s == DebugState.STARTING || s == DebugState.RUNNING || s == DebugState.PAUSED;
    }

    private static String pretty(JsonNode params) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(params);
        } catch (IOException e) {
            return params.toString();
        }
    }

    /** Calls {@code call} on the FX thread and completes with its value. */
    private static <T> CompletableFuture<T> onFx(java.util.function.Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
