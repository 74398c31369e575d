package dev.whiskstudio.app.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.client.SimulatorDebugClient;
import dev.whiskstudio.app.client.debug.DebugSessionInfo;
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
import javafx.scene.control.Tab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private final java.util.function.Function<TargetEntry, CompletableFuture<SyncResult>> sync;
    private final Consumer<String> message;
    private final DebugContext context = new DebugContext();
    private final DebugPanel panel = new DebugPanel(context);
    private final EditorDebugBridge bridge;
    private final Tab tab = new Tab("Debug");
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(this, "starting");
    private Runnable showTab = () -> { };
    /** The session shown and what it debugs; null when none was started or it ended. */
    private Running running;

    private record Running(DebugSession session, ActionRef action, SimulatorDebugBackend backend) {
    }
    /** Counts the Debugs started and stopped: a start whose number is no longer current was stopped, and gives up. */
    private long startGeneration;
    /** The run a Debug started, while the invoke panel follows it: cut short once its session has ended. */
    private boolean followingDebugRun;
    private final javafx.animation.PauseTransition afterEnd = new javafx.animation.PauseTransition(
            javafx.util.Duration.seconds(15));

    DebugController(Executor io, TargetsModel targets, TargetClients clients, ProjectSession project,
                    EditorTabs editors, InvokePanel invokePanel, RemoteCode remoteCode,
                    java.util.function.Function<TargetEntry, CompletableFuture<SyncResult>> sync,
                    Consumer<String> message) {
        this.io = io;
        this.targets = targets;
        this.clients = clients;
        this.project = project;
        this.editors = editors;
        this.invokePanel = invokePanel;
        this.remoteCode = remoteCode;
        this.sync = sync;
        this.message = message;
        this.bridge = new EditorDebugBridge(context, editors, editors::openAt);
        tab.setId("debug-tab");
        tab.setContent(panel);
        tab.textProperty().bind(Bindings.createStringBinding(() -> {
            DebugState state = context.stateProperty().get();
            return state == DebugState.PAUSED ? "Debug (paused)" : state == DebugState.RUNNING ? "Debug (running)"
                    : "Debug";
        }, context.stateProperty()));
        invokePanel.runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                followingDebugRun = false;
                afterEnd.stop();
            }
        });
        // the debugger comes forward when the program stops, wherever the user was looking
        context.pausedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showTab.run();
            }
        });
    }

    /** The debugger's tab, for the panel below the editor. */
    Tab tab() {
        return tab;
    }

    /** How to bring the debugger's tab forward (and the panel it is in). */
    void setOnShow(Runnable show) {
        this.showTab = show;
    }

    DebugPanel panel() {
        return panel;
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
    void debug(ActionRef asked, JsonNode params) {
        if (starting.get() || invokePanel.runningProperty().get()) {
            message.accept("An invocation is still running: wait for it, or stop it, before debugging again.");
            return;
        }
        TargetEntry simulator = targets.simulatorEntry();
        if (simulator == null) {
            message.accept("Debugging runs on the embedded simulator, which is not running.");
            return;
        }
        Optional<ProjectAction> own = projectAction(asked);
        if (!targets.isSimulatorSelected() && own.isEmpty()) {
            message.accept("Debugging runs on the embedded simulator: " + asked.qualifiedName() + " is on "
                    + Optional.ofNullable(targets.selectedProperty().get()).map(TargetEntry::name).orElse("another target")
                    + ". Sync its project to the simulator, then debug it there.");
            return;
        }
        // the project's action, wherever it was chosen from, is debugged in the simulator's own namespace
        ActionRef action = own.isPresent() ? new ActionRef("_", asked.packageName(), asked.name()) : asked;
        if (!targets.isSimulatorSelected()) {
            targets.selectSimulator();
        }
        invokePanel.setAction(action);
        if (params != null) {
            invokePanel.editor().setText(pretty(params));
        }
        // what is invoked is what was asked now, whatever the panel shows once the session is ready
        Optional<InvokePanel.PendingRun> pending = invokePanel.pendingRun().map(r -> r.on(simulator.target()));
        if (pending.isEmpty()) {
            message.accept("The parameters are not valid JSON: correct them in the invoke panel, then debug.");
            return;
        }
        long mine = ++startGeneration;
        starting.set(true);
        showTab.run();
        ensureSession(action, own.orElse(null), simulator, mine)
                .whenComplete((ok, failure) -> Platform.runLater(() -> {
                    if (mine != startGeneration) {
                        // stopped, or a later Debug took over: that one says how it went
                        return;
                    }
                    starting.set(false);
                    if (failure != null) {
                        message.accept("Could not start debugging " + action.qualifiedName() + ": "
                                + Failures.messageOf(Failures.unwrap(failure)));
                        return;
                    }
                    if (invokePanel.run(pending.get(), false, DEBUG_WAIT)) {
                        followingDebugRun = true;
                    } else {
                        message.accept("The debug session is on, but " + action.qualifiedName() + " was not invoked: "
                                + "another invocation is running. Invoke it again when that one is done.");
                    }
                }));
    }

    /** Ends the session shown, if any (its container is removed). */
    void stop() {
        if (starting.get()) {
            // a Debug still preparing gives up at its next step; the session it may have begun is ended below
            startGeneration++;
            starting.set(false);
        }
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

    /**
     * A live session of the action: the one shown, when it is of this action and its container runs the action's
     * current code (and, for a project action, the project's saved files); else a new one, the old one ended. The
     * files are saved first (what runs must be what is saved) and the action is read once.
     */
    private CompletableFuture<Void> ensureSession(ActionRef action, ProjectAction own, TargetEntry simulator, long mine) {
        return editors.saveAll()
                .thenApplyAsync(saved -> entityOf(action, simulator.target()), io)
                .thenCompose(entity -> onFx(() -> {
                    boolean stale = own != null && isStale(own, entity);
                    Running current = running;
                    boolean reusable = current != null && current.action().path().equals(action.path())
                            && isLive(current.session()) && entity != null && !stale
                            && DebugSessionInfo.revisionOf(entity).equals(current.backend().revision());
                    return reusable ? CompletableFuture.<Void>completedFuture(null)
                            : startSession(action, own, entity, stale, simulator, mine);
                }))
                .thenCompose(next -> next);
    }

    private CompletableFuture<Void> startSession(ActionRef action, ProjectAction own, JsonNode entity, boolean stale,
                                                 TargetEntry simulator, long mine) {
        CompletableFuture<Void> ended = running == null ? CompletableFuture.completedFuture(null)
                : running.session().close().handle((end, e) -> null);
        return ended
                .thenCompose(v -> onFx(() -> sourceOf(action, own, entity, stale, simulator)))
                .thenCompose(source -> source)
                .thenCompose(source -> onFx(() -> launch(action, source, simulator.target(), mine)))
                .thenCompose(launched -> launched);
    }

    /**
     * The user's code of the action: a project action's files (the project synced first when the simulator's copy
     * is older), else a copy of the simulator's code.
     */
    private CompletableFuture<DebugSource> sourceOf(ActionRef action, ProjectAction own, JsonNode entity,
                                                    boolean stale, TargetEntry simulator) {
        if (own != null) {
            CompletableFuture<?> synced = !stale ? CompletableFuture.completedFuture(null)
                    : sync.apply(simulator).thenAccept(result -> {
                        if (!result.succeeded()) {
                            throw new CompletionException(new IOException(
                                    "the project's sync to the simulator failed: " + result.summary()));
                        }
                    });
            return synced.thenApply(x -> DebugSource.ofProject(own));
        }
        if (entity == null) {
            return CompletableFuture.failedFuture(new IOException(action.qualifiedName()
                    + " is not on the simulator."));
        }
        return CompletableFuture.supplyAsync(() -> copyOf(action, entity, simulator.target()), io);
    }

    private CompletableFuture<Void> launch(ActionRef action, DebugSource source, Target simulator, long mine) {
        if (mine != startGeneration) {
            return CompletableFuture.failedFuture(new java.util.concurrent.CancellationException("stopped"));
        }
        if (source.note() != null) {
            message.accept(source.note());
        }
        CompletableFuture<?> opened = source.file() == null ? CompletableFuture.completedFuture(null)
                : editors.open(source.file());
        SimulatorDebugClient client = new SimulatorDebugClient(simulator);
        SimulatorDebugBackend backend = new SimulatorDebugBackend(client, action);
        // the simulator may build a runtime image before the container starts: wait as long as its client does
        DebugSession session = new DebugSession(DebugSessionOptions.forFx()
                .withStartTimeout(SimulatorDebugClient.START_TIMEOUT.plusSeconds(30)));
        running = new Running(session, action, backend);
        context.setSession(session);
        session.ended().whenComplete((end, e) -> {
            closeQuietly(client);
            Platform.runLater(this::sessionEnded);
        });
        // the file is open first, so the gutter's breakpoints of a file opened just now are applied too
        return opened.handle((doc, e) -> null)
                .thenCompose(v -> onFx(() -> mine != startGeneration
                        ? CompletableFuture.<Void>failedFuture(new java.util.concurrent.CancellationException("stopped"))
                        : session.launch(backend, source.mappingFor())))
                .thenCompose(launched -> launched)
                .whenComplete((v, e) -> {
                    if (e != null || mine != startGeneration) {
                        session.close();
                    }
                });
    }

    /** Closes a client off the FX thread; inline when the workbench's threads are gone (the window closed). */
    private void closeQuietly(SimulatorDebugClient client) {
        try {
            io.execute(client::close);
        } catch (java.util.concurrent.RejectedExecutionException gone) {
            client.close();
        }
    }

    /**
     * The session ended: a debugged activation still followed gets a short while for its record (the simulator ends
     * it when its container goes), then the invoke panel stops waiting, instead of polling for two hours.
     */
    private void sessionEnded() {
        if (!followingDebugRun) {
            return;
        }
        afterEnd.setOnFinished(e -> {
            if (followingDebugRun && invokePanel.runningProperty().get()) {
                invokePanel.cancel();
            }
        });
        afterEnd.playFromStart();
    }

    /**
     * A copy of the simulator's code of the action (read already), written for the editor; a zip action has none to
     * show, and is debugged with Pause and {@code debugger} statements only.
     */
    private DebugSource copyOf(ActionRef action, JsonNode entity, Target simulator) {
        if (entity.path("exec").path("binary").asBoolean(false)) {
            return DebugSource.ofZipCopy(action.qualifiedName());
        }
        try {
            return DebugSource.ofCopy(remoteCode.write(entity, simulator.apiHost(), action));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The action's entity on the simulator, null when it has none; off the FX thread. */
    private JsonNode entityOf(ActionRef action, Target simulator) {
        try {
            return clients.clientFor(simulator).get(action.namespace(), EntityCollection.ACTIONS, action.path());
        } catch (OpenWhiskException e) {
            if (e.status() == 404) {
                return null;
            }
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isStale(ProjectAction own, JsonNode entity) {
        try {
            return DebugSource.stale(own, entity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
