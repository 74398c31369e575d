package dev.whiskstudio.sim.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.backend.Container;
import dev.whiskstudio.sim.backend.ContainerBackend;
import dev.whiskstudio.sim.backend.ContainerSpec;
import dev.whiskstudio.sim.backend.ContainerStartException;
import dev.whiskstudio.sim.backend.OutputLine;
import dev.whiskstudio.sim.entity.ActionLimits;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.Exec;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.invoker.ActionKey;
import dev.whiskstudio.sim.invoker.ActivationClock;
import dev.whiskstudio.sim.invoker.ActivationJob;
import dev.whiskstudio.sim.invoker.DedicatedContainer;
import dev.whiskstudio.sim.invoker.DedicatedOutcome;
import dev.whiskstudio.sim.invoker.Invoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One debug session: its container (with the debugger listening), the queue of activations waiting for it, the one
 * running in it now, and whether the debugger holds the process paused. Activations run one at a time, in the order
 * they came, on the session's own thread; the session is their {@link ActivationClock}, whose count stops while
 * paused.
 * <p>
 * States: starting (not yet routed to), then idle or running (an activation in the container) or paused (the app says
 * the debugger holds the process), until ended, once, for an {@link EndReason}.
 */
final class DebugSession implements ActivationClock {
    private static final Logger LOG = LoggerFactory.getLogger(DebugSession.class);
    /** What Node's inspector writes on stderr about itself: not the action's output. */
    private static final List<String> INSPECTOR_NOISE = List.of("Debugger listening on ", "Debugger attached.",
            "Debugger ending on ", "Waiting for the debugger to disconnect", "For help, see: https://nodejs.org/en/docs/inspector");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    final String id;
    final String namespace;
    final QualifiedName action;
    final String revision;
    private final Exec exec;
    private final ActionLimits limits;
    private final Invoker invoker;
    private final ScheduledExecutorService timer;
    private final PausedLedger ledger;
    private final Consumer<DebugSession> onEnded;
    private final EventPublisher events;

    /** Set once by {@link #open}. */
    private volatile DedicatedContainer dedicated;
    private volatile String scriptUrl;

    private final Deque<Queued> queue = new ArrayDeque<>();
    private boolean ready;
    private EndReason ended;
    /** The reason to give when the container's exit ends the session because we removed it (a timeout). */
    private EndReason pendingReason;
    private boolean paused;
    /** Taken from the queue, until its record is made. */
    private ActivationJob current;
    /** In {@code /run}, under this clock. */
    private ActivationJob running;
    private PausableDeadline deadline;

    /** Tells the event stream about a session's moves. */
    interface EventPublisher {
        void publish(DebugSession session, String state, String reason, String message);
    }

    private record Queued(ActivationJob job, long queuedAt, CompletableFuture<ActivationRecord> record) {
    }

    DebugSession(String id, String namespace, QualifiedName action, String revision, Exec exec, ActionLimits limits,
                 Invoker invoker, ScheduledExecutorService timer, PausedLedger ledger, Consumer<DebugSession> onEnded,
                 EventPublisher events) {
        this.id = id;
        this.namespace = namespace;
        this.action = action;
        this.revision = revision;
        this.exec = exec;
        this.limits = limits;
        this.invoker = invoker;
        this.timer = timer;
        this.ledger = ledger;
        this.onEnded = onEnded;
        this.events = events;
    }

    /**
     * Starts the container with the debugger, initialises it with the action, learns the inline code's script URL,
     * and starts taking activations. On failure the container is gone again when this throws.
     *
     * @throws ApiException 502 when the action fails to initialise, 500 when the container does not start
     */
    void open(ContainerBackend backend, ContainerSpec spec, InspectorProbe probe) {
        Container container;
        try {
            container = backend.start(spec);
        } catch (ContainerStartException e) {
            throw new ApiException(500, "The debug container did not start: " + e.getMessage());
        }
        DedicatedContainer d = new DedicatedContainer(spec.name(), spec.kind(), container,
                new ActionKey(namespace, action.docId(), revision), spec.memoryMb(), DebugSession::isActionOutput);
        boolean endedMeanwhile;
        synchronized (this) {
            dedicated = d;
            endedMeanwhile = ended != null;
        }
        if (endedMeanwhile) {
            // ended (the simulator stopping) while the container started: end() did not see it
            container.destroy();
            throw new ApiException(503, "The debug session ended while its container started.");
        }
        container.exited().thenRun(() -> terminate(EndReason.CONTAINER_EXITED));
        JsonNode initError;
        try {
            initError = invoker.initialize(d, action.name(), exec, limits.timeout());
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
        if (initError != null) {
            discard();
            throw new ApiException(502, initError.path("error").asText(initError.toString()));
        }
        if (!exec.binary() && container.workDir() != null) {
            scriptUrl = probe.scriptUrl(container.inspectorUrl(), container.workDir() + "/action.js", PROBE_TIMEOUT);
        }
        synchronized (this) {
            endedMeanwhile = ended != null;
            ready = !endedMeanwhile;
        }
        if (endedMeanwhile) {
            // the container died, or the simulator is stopping: end() has removed it or is removing it
            awaitGone(Duration.ofSeconds(10));
            throw new ApiException(500, "The debug container exited while it started.");
        }
        Thread lane = new Thread(this::runActivations, "debug-" + id.substring(0, 8));
        lane.setDaemon(true);
        lane.start();
        events.publish(this, "started", "created", null);
    }

    /** Removes a container that never became a session's, and waits (bounded) until it is gone. */
    private void discard() {
        terminate(EndReason.DELETED);
        awaitGone(Duration.ofSeconds(10));
    }

    /** The debugger's own lines are left out of activation logs. */
    static boolean isActionOutput(OutputLine line) {
        if (!line.stderr()) {
            return true;
        }
        for (String noise : INSPECTOR_NOISE) {
            if (line.text().startsWith(noise)) {
                return false;
            }
        }
        return true;
    }

    /** Takes an activation into the queue; null when the session does not take activations (not ready, ended). */
    synchronized CompletableFuture<ActivationRecord> enqueue(ActivationJob job) {
        if (!ready || ended != null) {
            return null;
        }
        Queued q = new Queued(job, System.currentTimeMillis(), new CompletableFuture<>());
        queue.addLast(q);
        notifyAll();
        return q.record();
    }

    /** The session's thread: runs queued activations one at a time until the session ends. */
    private void runActivations() {
        while (true) {
            Queued q;
            synchronized (this) {
                while (queue.isEmpty() && ended == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (ended != null) {
                    return;
                }
                q = queue.pollFirst();
                current = q.job();
            }
            DedicatedOutcome outcome;
            try {
                outcome = invoker.runDedicated(dedicated, q.job(), q.queuedAt(), this);
            } catch (RuntimeException e) {
                LOG.error("debug session {}: activation {} failed in the invoker", id, q.job().activationId(), e);
                synchronized (this) {
                    current = null;
                }
                terminate(EndReason.ACTION_FAILED);
                // it gets its record in the pool, as those still queued do
                invoker.submit(q.job()).whenComplete((rec, error) -> q.record().complete(rec));
                return;
            }
            synchronized (this) {
                current = null;
            }
            q.record().complete(outcome.record());
            if (outcome.spent()) {
                terminate(outcome.timedOut() ? EndReason.TIMEOUT : EndReason.ACTION_FAILED);
            }
        }
    }

    @Override
    public void begin(ActivationJob job, long limitMs, Runnable onExpired) {
        synchronized (this) {
            running = job;
            deadline = new PausableDeadline(timer, limitMs, () -> {
                synchronized (this) {
                    pendingReason = EndReason.TIMEOUT;
                }
                onExpired.run();
            });
            if (paused) {
                ledger.paused(job);
            } else {
                deadline.run();
            }
        }
    }

    @Override
    public void end(ActivationJob job) {
        synchronized (this) {
            if (deadline != null) {
                deadline.cancel();
                deadline = null;
            }
            if (paused && running != null) {
                ledger.resumed(running);
            }
            running = null;
        }
    }

    /**
     * The app says whether the debugger holds the process paused: the running activation's time limit and its
     * callers' waits stop or go on.
     */
    void setPaused(boolean value) {
        synchronized (this) {
            if (ended != null || paused == value) {
                return;
            }
            paused = value;
            if (running != null) {
                if (value) {
                    deadline.pause();
                    ledger.paused(running);
                } else {
                    ledger.resumed(running);
                    deadline.run();
                }
            }
        }
        events.publish(this, value ? "paused" : "running", "debugger", null);
    }

    /**
     * Ends the session once: it takes no more activations (those queued go to the pool), its container is removed
     * (an activation running in it ends as a crashed one), and the event stream hears why.
     *
     * @return false when it had ended already
     */
    boolean terminate(EndReason reason) {
        List<Queued> orphans;
        boolean wasReady;
        EndReason why;
        synchronized (this) {
            if (ended != null) {
                return false;
            }
            why = pendingReason != null ? pendingReason : reason;
            ended = why;
            orphans = new ArrayList<>(queue);
            queue.clear();
            wasReady = ready;
            notifyAll();
        }
        onEnded.accept(this);
        DedicatedContainer d = dedicated;
        if (d != null) {
            try {
                d.container().destroy();
            } catch (RuntimeException e) {
                LOG.warn("debug session {}: could not remove its container", id, e);
            }
            d.disconnect();
        }
        for (Queued q : orphans) {
            invoker.submit(q.job()).whenComplete((rec, e) -> q.record().complete(rec));
        }
        if (wasReady) {
            LOG.info("debug session {} of {} ended: {}", id, action.docId(), why.code);
            events.publish(this, "ended", why.code, why.message);
        }
        return true;
    }

    /** Waits (bounded) until the container has exited; true when it has. */
    boolean awaitGone(Duration limit) {
        DedicatedContainer d = dedicated;
        if (d == null) {
            return true;
        }
        try {
            d.container().exited().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** {@code running}, {@code paused}, {@code idle}, or {@code starting} and {@code ended} around those. */
    synchronized String state() {
        if (ended != null) {
            return "ended";
        }
        if (!ready) {
            return "starting";
        }
        if (paused) {
            return "paused";
        }
        return current != null ? "running" : "idle";
    }

    /** The session as the API shows it. */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        DedicatedContainer d = dedicated;
        Container c = d == null ? null : d.container();
        o.put("sessionId", id);
        o.put("action", action.docId());
        o.put("revision", revision);
        o.put("containerId", c == null ? null : c.id());
        o.put("inspectorUrl", c == null ? null : c.inspectorUrl());
        o.put("scriptUrl", scriptUrl);
        o.put("workDir", c == null ? null : c.workDir());
        synchronized (this) {
            o.put("state", state());
            o.put("activationId", current == null ? null : current.activationId());
        }
        return o;
    }
}
