package dev.whiskstudio.sim.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.plugin.PluginRegistry;
import dev.whiskstudio.plugin.RuntimeProvider;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.backend.ContainerBackend;
import dev.whiskstudio.sim.backend.ContainerSpec;
import dev.whiskstudio.sim.controller.ActionController;
import dev.whiskstudio.sim.controller.Entities;
import dev.whiskstudio.sim.controller.Identity;
import dev.whiskstudio.sim.controller.PausedTime;
import dev.whiskstudio.sim.entity.ActionLimits;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.Exec;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.insight.EventHub;
import dev.whiskstudio.sim.invoker.ActivationJob;
import dev.whiskstudio.sim.invoker.ActivationRouter;
import dev.whiskstudio.sim.invoker.Invoker;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The simulator's debug sessions: starts and ends them, finds them for the API, and routes each activation of a
 * session's action (in the session's namespace) to it. The invoker is given this router only while a session is on,
 * so with none its path is the one it has without debugging.
 */
public final class DebugSessions implements ActivationRouter, AutoCloseable {
    private static final Duration GONE_WAIT = Duration.ofSeconds(10);

    private final ContainerBackend backend;
    private final PluginRegistry plugins;
    private final Invoker invoker;
    private final ActionController actions;
    private final EventHub events;
    private final Supplier<Map<String, String>> containerEnvironment;
    private final String namePrefix;
    private final PausedLedger ledger = new PausedLedger();
    private final Map<Key, DebugSession> byAction = new ConcurrentHashMap<>();
    private final Map<String, DebugSession> byId = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicLong names = new AtomicLong();
    private final InspectorProbe probe;
    private final ExecutorService probeThreads;
    private volatile boolean closed;

    /** Sessions are per namespace the activations run for, and per action (where it really lives). */
    private record Key(String namespace, String actionDocId) {
    }

    /**
     * @param containerEnvironment variables every container gets ({@code __OW_API_HOST})
     * @param namePrefix           distinguishes this simulator's containers (the pool's prefix)
     */
    public DebugSessions(ContainerBackend backend, PluginRegistry plugins, Invoker invoker, ActionController actions,
                         EventHub events, Supplier<Map<String, String>> containerEnvironment, String namePrefix,
                         ObjectMapper json) {
        this.backend = backend;
        this.plugins = plugins;
        this.invoker = invoker;
        this.actions = actions;
        this.events = events;
        this.containerEnvironment = containerEnvironment;
        this.namePrefix = namePrefix;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "debug-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.probeThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "debug-probe");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(probeThreads).build();
        this.probe = new InspectorProbe(http, json);
    }

    /** How long debuggers held activations paused, for callers' waits. */
    public PausedTime pausedTime() {
        return new PausedTime() {
            @Override
            public boolean canPause() {
                return !byAction.isEmpty();
            }

            @Override
            public long pausedMillis(String activationId) {
                return ledger.pausedMillis(activationId);
            }

            @Override
            public boolean isPaused(String activationId) {
                return ledger.isPaused(activationId);
            }
        };
    }

    /** Sessions on now, in every namespace. */
    public int count() {
        return byId.size();
    }

    @Override
    public CompletableFuture<ActivationRecord> route(ActivationJob job) {
        if (byAction.isEmpty()) {
            return null;
        }
        DebugSession s = byAction.get(new Key(job.namespace(), job.action().docId()));
        if (s == null) {
            return null;
        }
        if (!s.revision.equals(job.revision())) {
            // the container was initialised with the old code: breakpoints would map to lines that changed. The
            // session ends (its container removal may take a moment, off this thread) and this activation runs as usual
            probeThreads.execute(() -> s.terminate(EndReason.ACTION_UPDATED));
            return null;
        }
        return s.enqueue(job);
    }

    /**
     * Starts a session for an action of a namespace the caller owns, given as {@code name} or {@code pkg/name}
     * (through a binding, the bound package's action).
     *
     * With {@code "replace": true} a session the action has already is ended first (a debugger that lost track of
     * its own, say); without, that is a 409.
     *
     * @throws ApiException 400 for a malformed body, a sequence or a kind without a debugger; 403, 404 as for
     *                      reading the action; 409 when the action has a session; 502 when it fails to initialise
     */
    ObjectNode start(Identity who, String nsSegment, JsonNode body) {
        String ns = ownNamespace(who, nsSegment);
        JsonNode actionField = body == null ? null : body.get("action");
        if (actionField == null || !actionField.isTextual() || actionField.asText().isBlank()) {
            throw ApiException.badRequest("The request must name the action to debug: {\"action\": \"NAME\" or \"PACKAGE/NAME\"}.");
        }
        QualifiedName requested = relativeName(actionField.asText().trim(), ns);
        ActionController.ResolvedAction resolved = actions.resolve(who, actions.checkedName(requested));
        ObjectNode doc = resolved.action().doc();
        Exec exec = Exec.fromJson(doc.get("exec"));
        if (exec.isSequence()) {
            throw ApiException.badRequest("The action " + requested.relative() + " is a sequence: it has no code of its "
                    + "own to debug. Debug its components.");
        }
        RuntimeProvider runtime = plugins.runtimeFor(exec.kind());
        if (runtime == null || !runtime.supportsInspector()) {
            throw ApiException.badRequest("Actions of kind " + exec.kind() + " cannot be debugged.");
        }
        if (closed) {
            throw new ApiException(503, "The simulator is stopping.");
        }
        QualifiedName where = resolved.action().name();
        ActionLimits limits = ActionLimits.fromJson(doc.get("limits"));
        String revision = resolved.revision();
        Key key = new Key(ns, where.docId());
        DebugSession replaced = body.path("replace").asBoolean(false) ? byAction.get(key) : null;
        if (replaced != null) {
            replaced.terminate(EndReason.REPLACED);
            replaced.awaitGone(GONE_WAIT);
        }
        DebugSession session = new DebugSession(newSessionId(), ns, where, revision, exec, limits, invoker, timer, ledger,
                this::forget, this::publish);
        synchronized (byAction) {
            if (byAction.putIfAbsent(key, session) != null) {
                throw ApiException.conflict("A debug session for " + where.docId() + " is on already.");
            }
            byId.put(session.id, session);
            // the invoker asks only while there are sessions: with none, its path is as it was without debugging
            invoker.routeThrough(this);
        }
        ContainerSpec spec = new ContainerSpec(namePrefix + "-" + names.incrementAndGet(), exec.kind(),
                (int) limits.memory(), containerEnvironment.get(), true);
        try {
            session.open(backend, spec, probe);
        } catch (RuntimeException e) {
            forget(session);
            throw e;
        }
        if (closed) {
            session.terminate(EndReason.SIMULATOR_STOPPED);
            session.awaitGone(GONE_WAIT);
            throw new ApiException(503, "The simulator is stopping.");
        }
        return session.toJson();
    }

    /** The sessions of a namespace the caller owns, oldest first. */
    List<ObjectNode> list(Identity who, String nsSegment) {
        String ns = ownNamespace(who, nsSegment);
        List<DebugSession> sessions = new ArrayList<>();
        for (DebugSession s : byId.values()) {
            if (s.namespace.equals(ns)) {
                sessions.add(s);
            }
        }
        sessions.sort(Comparator.comparing(s -> s.id));
        return sessions.stream().map(DebugSession::toJson).toList();
    }

    /** @throws ApiException 404 when the namespace has no such session */
    ObjectNode get(Identity who, String nsSegment, String sessionId) {
        return find(who, nsSegment, sessionId).toJson();
    }

    /** The app says whether its debugger holds the session's process paused. */
    ObjectNode setPaused(Identity who, String nsSegment, String sessionId, boolean paused) {
        DebugSession s = find(who, nsSegment, sessionId);
        s.setPaused(paused);
        return s.toJson();
    }

    /** Ends a session and returns once its container is gone (or after a bound). */
    ObjectNode end(Identity who, String nsSegment, String sessionId) {
        DebugSession s = find(who, nsSegment, sessionId);
        s.terminate(EndReason.DELETED);
        s.awaitGone(GONE_WAIT);
        return s.toJson();
    }

    private DebugSession find(Identity who, String nsSegment, String sessionId) {
        String ns = ownNamespace(who, nsSegment);
        DebugSession s = byId.get(sessionId);
        if (s == null || !s.namespace.equals(ns)) {
            throw ApiException.notFound();
        }
        return s;
    }

    private static String ownNamespace(Identity who, String nsSegment) {
        String ns = who.resolve(nsSegment);
        Entities.checkNamespace(ns);
        if (!who.owns(ns)) {
            throw ApiException.forbiddenOn(ns);
        }
        return ns;
    }

    /** {@code name} or {@code pkg/name} in the namespace. */
    private static QualifiedName relativeName(String text, String ns) {
        String[] parts = text.split("/", -1);
        if (parts.length == 1 && !parts[0].isEmpty()) {
            return new QualifiedName(ns, null, parts[0]);
        }
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            return new QualifiedName(ns, parts[0], parts[1]);
        }
        throw ApiException.badRequest("The action to debug must be given as NAME or PACKAGE/NAME, not '" + text + "'.");
    }

    /** A session ended: activations of its action go to the pool again. */
    private void forget(DebugSession s) {
        synchronized (byAction) {
            byAction.remove(new Key(s.namespace, s.action.docId()), s);
            byId.remove(s.id, s);
            if (byAction.isEmpty()) {
                invoker.routeThrough(null);
            }
        }
    }

    private void publish(DebugSession s, String state, String reason, String message) {
        if (!events.hasSubscribers()) {
            return;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("sessionId", s.id);
        o.put("action", s.action.docId());
        o.put("state", state);
        o.put("reason", reason);
        if (message != null) {
            o.put("message", message);
        }
        events.publishDebug(s.namespace, o.toString());
    }

    private static String newSessionId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    /** Ends every session (the simulator stops) and waits, bounded, until their containers are gone. */
    @Override
    public void close() {
        closed = true;
        List<DebugSession> all = new ArrayList<>(byAction.values());
        all.forEach(s -> s.terminate(EndReason.SIMULATOR_STOPPED));
        all.forEach(s -> s.awaitGone(GONE_WAIT));
        timer.shutdownNow();
        probeThreads.shutdownNow();
    }
}
