package dev.whiskstudio.app.status;

import dev.whiskstudio.app.AppConfig;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.node.NodeCheck;
import dev.whiskstudio.app.node.NodeProbe;
import dev.whiskstudio.app.simulator.EarlyStart;
import dev.whiskstudio.app.simulator.ExitGuard;
import dev.whiskstudio.app.simulator.SimulatorStarter;
import dev.whiskstudio.app.simulator.SimulatorState;
import dev.whiskstudio.app.simulator.StartedSimulator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The status screen's view model. Starting and stopping the simulator, counting entities and looking for Node.js
 * all run on background threads; results come back to the FX thread through each {@link Task}'s handlers, which
 * are the only writers of the properties. Methods are called on the FX thread.
 */
public final class StatusModel {
    private final AppConfig config;
    private final SimulatorStarter starter;
    private final NodeProbe nodeProbe;
    /** One non-daemon thread, so a stop queued behind a start runs after it and the JVM waits for the stop. */
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(threads("simulator-lifecycle", false));
    /** Daemon threads for calls that may hang on the network or a process; they never keep the app alive. */
    private final ExecutorService io = Executors.newCachedThreadPool(threads("status-io", true));

    /** Written on the lifecycle thread only: the stop must see what the start made, even before the FX thread does. */
    private final AtomicReference<StartedSimulator> running = new AtomicReference<>();
    private final AtomicReference<OpenWhiskClient> client = new AtomicReference<>();
    /** Set by {@link #close()}; from then on no task result touches the properties. */
    private CompletableFuture<Void> closed;
    private boolean checkingNode;

    private final ReadOnlyObjectWrapper<SimulatorState> state = new ReadOnlyObjectWrapper<>(SimulatorState.STARTING);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper apiHost = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper portNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<NamespaceCounts> counts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countsProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LocalTime> countedAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<NodeCheck> node = new ReadOnlyObjectWrapper<>();

    public StatusModel(AppConfig config, SimulatorStarter starter, NodeProbe nodeProbe) {
        this.config = config;
        this.starter = starter;
        this.nodeProbe = nodeProbe;
    }

    public AppConfig config() {
        return config;
    }

    /** The namespace whose entities are counted: the guest key's. */
    public String namespace() {
        return StartedSimulator.KEY.namespace();
    }

    /** Starts the simulator in the background; the state moves to running or failed when it is done. */
    public void startSimulator() {
        Task<StartedSimulator> start = new Task<>() {
            @Override
            protected StartedSimulator call() throws Exception {
                CompletableFuture<StartedSimulator> early = EarlyStart.take(config.simConfig());
                StartedSimulator started;
                try {
                    started = early != null ? early.get() : starter.start(config.simConfig());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
                running.set(started);
                client.set(new OpenWhiskClient(started.target()));
                return started;
            }
        };
        start.setOnSucceeded(e -> simulatorStarted(start.getValue()));
        start.setOnFailed(e -> simulatorFailed(start.getException()));
        lifecycle.execute(start);
    }

    private void simulatorStarted(StartedSimulator started) {
        if (!moveTo(SimulatorState.RUNNING)) {
            return;
        }
        apiHost.set(started.simulator().apiHost());
        if (started.onOtherPort()) {
            portNote.set("Port " + started.requestedPort() + " is in use by another program, so the simulator "
                    + "listens on port " + started.simulator().port() + " instead.");
        }
        refreshCounts();
    }

    private void simulatorFailed(Throwable e) {
        if (moveTo(SimulatorState.FAILED)) {
            failure.set(FailureText.of(e));
        }
    }

    private boolean moveTo(SimulatorState next) {
        if (closed != null || !state.get().canMoveTo(next)) {
            return false;
        }
        state.set(next);
        return true;
    }

    /** Counts the namespace's entities again; does nothing unless the simulator runs and no count is under way. */
    public void refreshCounts() {
        OpenWhiskClient api = client.get();
        if (closed != null || state.get() != SimulatorState.RUNNING || counting.get() || api == null) {
            return;
        }
        counting.set(true);
        String ns = namespace();
        Task<NamespaceCounts> count = new Task<>() {
            @Override
            protected NamespaceCounts call() throws Exception {
                return NamespaceCounts.fetch(api, ns);
            }
        };
        count.setOnSucceeded(e -> {
            counting.set(false);
            counts.set(count.getValue());
            countsProblem.set("");
            countedAt.set(LocalTime.now());
        });
        count.setOnFailed(e -> {
            counting.set(false);
            countsProblem.set(FailureText.of(count.getException()));
        });
        io.execute(count);
    }

    /** Looks for Node.js in the background; {@link #nodeProperty()} is null until the answer is in. */
    public void checkNode() {
        if (closed != null || checkingNode) {
            return;
        }
        checkingNode = true;
        node.set(null);
        Task<NodeCheck> check = new Task<>() {
            @Override
            protected NodeCheck call() throws Exception {
                return nodeProbe.check();
            }
        };
        check.setOnSucceeded(e -> {
            checkingNode = false;
            node.set(check.getValue());
        });
        check.setOnFailed(e -> {
            checkingNode = false;
            node.set(new NodeCheck.Missing(FailureText.of(check.getException())));
        });
        io.execute(check);
    }

    /**
     * Stops the simulator once whatever start is under way has finished; returns at once. The future completes when
     * the simulator has let go of its port and data directory.
     */
    public CompletableFuture<Void> close() {
        if (closed != null) {
            return closed;
        }
        if (state.get().canMoveTo(SimulatorState.STOPPED)) {
            state.set(SimulatorState.STOPPED);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        closed = done;
        io.shutdownNow();
        lifecycle.execute(() -> {
            try {
                OpenWhiskClient api = client.getAndSet(null);
                if (api != null) {
                    api.close();
                }
                StartedSimulator sim = running.getAndSet(null);
                if (sim != null) {
                    ExitGuard.release(sim.simulator());
                    sim.simulator().close();
                }
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        lifecycle.shutdown();
        return done;
    }

    /** The running simulator, or null before it runs and after it stopped; safe from any thread. */
    public StartedSimulator started() {
        return running.get();
    }

    public ReadOnlyObjectProperty<SimulatorState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the simulator did not start; empty unless the state is failed. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** {@code http://127.0.0.1:PORT} once running, else empty. */
    public ReadOnlyStringProperty apiHostProperty() {
        return apiHost.getReadOnlyProperty();
    }

    /** Says so when the simulator could not have the port it asked for; else empty. */
    public ReadOnlyStringProperty portNoteProperty() {
        return portNote.getReadOnlyProperty();
    }

    /** The last counts fetched, or null before the first. */
    public ReadOnlyObjectProperty<NamespaceCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** Why the last count failed; empty after a good one. */
    public ReadOnlyStringProperty countsProblemProperty() {
        return countsProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalTime> countedAtProperty() {
        return countedAt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /** What the last look for Node.js found; null while looking. */
    public ReadOnlyObjectProperty<NodeCheck> nodeProperty() {
        return node.getReadOnlyProperty();
    }

    private static ThreadFactory threads(String name, boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }
}
