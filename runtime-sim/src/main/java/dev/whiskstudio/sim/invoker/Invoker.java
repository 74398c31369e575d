package dev.whiskstudio.sim.invoker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.backend.Container;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.entity.Exec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs activations: gets a container from the pool, initialises it when it is new to the action, runs the action,
 * reads the proxy's answer the way the platform's invoker reads it, collects the logs, and makes the record.
 */
public final class Invoker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Invoker.class);
    /** How long to wait for the end-of-activation sentinels after {@code /run} answered. */
    private static final long SENTINEL_WAIT_MS = 2000;
    /**
     * How many activations may run on their callers' threads at once. Those are the HTTP server's request threads,
     * so only a few: the rest go to activation threads as before.
     */
    private static final int CALLER_RUNS = 8;

    private final ContainerPool pool;
    private final ObjectMapper json;
    private final long resultLimitBytes;
    private final ActivationListener listener;
    private final ExecutorService runners = Executors.newCachedThreadPool(r -> daemon(r, "activation"));
    private final Semaphore callerRuns = new Semaphore(CALLER_RUNS);
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "memory-watchdog"));
    /** Takes activations away from the pool (debug sessions); null when nothing does. */
    private volatile ActivationRouter router;

    public Invoker(ContainerPool pool, ObjectMapper json, long resultLimitBytes) {
        this(pool, json, resultLimitBytes, ActivationListener.NONE);
    }

    /** @param listener told when each activation begins in its container and when its record is made */
    public Invoker(ContainerPool pool, ObjectMapper json, long resultLimitBytes, ActivationListener listener) {
        this.pool = pool;
        this.json = json;
        this.resultLimitBytes = resultLimitBytes;
        this.listener = listener;
        watchdog.scheduleWithFixedDelay(this::enforceMemoryLimits, 100, 100, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Runs an activation in the background, where the router sends it or else in the pool; the future completes
     * with its record (never exceptionally).
     */
    public CompletableFuture<ActivationRecord> submit(ActivationJob job) {
        return submit(job, 0);
    }

    /**
     * {@link #submit}, for a caller that will wait for the record on its own thread for up to
     * {@code callerWaitsMs} (a blocking invoke). When a warm container is free for the action right now and the
     * action's time limit fits in that wait, the activation runs on the caller's thread and the future is complete
     * on return: the caller's wait then costs no hand-off between threads, which on a machine with two cores is most
     * of what the invoker adds to a warm activation.
     */
    public CompletableFuture<ActivationRecord> submit(ActivationJob job, long callerWaitsMs) {
        ActivationRouter r = router;
        if (r != null) {
            CompletableFuture<ActivationRecord> routed = r.route(job);
            if (routed != null) {
                return routed;
            }
        }
        long queuedAt = System.currentTimeMillis();
        if (callerWaitsMs <= 0 || job.limits().timeout() > callerWaitsMs) {
            return CompletableFuture.supplyAsync(() -> run(job, acquire(job), queuedAt), runners);
        }
        CompletableFuture<Lease> lease = acquire(job);
        if (isWarmNow(lease) && callerRuns.tryAcquire()) {
            try {
                return CompletableFuture.completedFuture(run(job, lease, queuedAt));
            } finally {
                callerRuns.release();
            }
        }
        return CompletableFuture.supplyAsync(() -> run(job, lease, queuedAt), runners);
    }

    private CompletableFuture<Lease> acquire(ActivationJob job) {
        ActionKey key = new ActionKey(job.namespace(), job.action().docId(), job.revision());
        return pool.acquire(key, job.exec().kind(), (int) job.limits().memory(), (int) job.limits().concurrency());
    }

    /** A lease already granted on a warm container: the activation can run without waiting or initialising. */
    private static boolean isWarmNow(CompletableFuture<Lease> lease) {
        Lease granted = lease.isDone() && !lease.isCompletedExceptionally() ? lease.join() : null;
        return granted != null && granted.start() == StartKind.WARM;
    }

    /** Asks {@code value} (null: nothing) about every activation {@link #submit}ted from now on. */
    public void routeThrough(ActivationRouter value) {
        this.router = value;
    }

    /**
     * Runs an activation in the pool on the calling thread, in the container the pool grants it, and returns its
     * record.
     *
     * @param queuedAt epoch ms when the activation was handed to the invoker
     */
    private ActivationRecord run(ActivationJob job, CompletableFuture<Lease> granted, long queuedAt) {
        Lease lease;
        try {
            lease = granted.get();
        } catch (ExecutionException e) {
            long now = System.currentTimeMillis();
            LOG.warn("no container for {}: {}", job.action(), e.getCause().getMessage());
            tellFinished(job, new Placement(null, null, queuedAt, now - queuedAt, null));
            return record(job, now, now, now - queuedAt, null, false, List.of(),
                    new ActivationFailure(ActivationStatus.WHISK_ERROR,
                            error("Failed to provision resources to run the action."), false, false), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            long now = System.currentTimeMillis();
            tellFinished(job, new Placement(null, null, queuedAt, now - queuedAt, null));
            return record(job, now, now, now - queuedAt, null, false, List.of(),
                    new ActivationFailure(ActivationStatus.WHISK_ERROR, error("The activation was interrupted."), false, false), null);
        }
        long waitTime = TimeUnit.NANOSECONDS.toMillis(lease.waitedNanos());
        PooledContainer c = lease.container();
        ContainerLogs.Collector logs = c.logs.begin(job.limits().logs() * 1024 * 1024);
        long start = System.currentTimeMillis();
        Placement placement = new Placement(c.container().id(), lease.start(), queuedAt, waitTime, null);
        tellStarted(job, placement, start);
        Long initTime = null;
        ActivationFailure failure = null;
        JsonNode result = null;
        try {
            if (lease.start() != StartKind.WARM) {
                PooledContainer.InitOutcome init = initialize(c, job);
                initTime = init.initTimeMs();
                failure = init.failure();
            } else if (!c.initialized.isDone()) {
                // a concurrent activation of the same action is initialising this container: wait for it
                failure = c.initialized.get().failure();
            } else if (c.initialized.getNow(null).failure() != null) {
                failure = c.initialized.getNow(null).failure();
            }
            if (failure == null) {
                Outcome out = runAction(c, job);
                failure = out.failure();
                result = out.result();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new ActivationFailure(ActivationStatus.WHISK_ERROR, error("The activation was interrupted."), true, false);
        } catch (ExecutionException e) {
            failure = new ActivationFailure(ActivationStatus.WHISK_ERROR, error("Failed to initialize the container."), true, false);
        }
        long end = System.currentTimeMillis();
        boolean developerError = failure != null && failure.status() == ActivationStatus.DEVELOPER_ERROR;
        List<String> lines = logs.end(!developerError, SENTINEL_WAIT_MS);
        pool.release(lease, failure != null && failure.destroyContainer());
        tellFinished(job, placement.withInitTime(initTime));
        return record(job, start, end, waitTime, initTime, failure != null && failure.timedOut(), lines, failure, result);
    }

    /** A listener's failure is logged, never the activation's. */
    private void tellStarted(ActivationJob job, Placement placement, long start) {
        try {
            listener.started(job, placement, start);
        } catch (RuntimeException e) {
            LOG.warn("activation listener failed on the start of {}", job.activationId(), e);
        }
    }

    private void tellFinished(ActivationJob job, Placement placement) {
        try {
            listener.finished(job, placement);
        } catch (RuntimeException e) {
            LOG.warn("activation listener failed on the end of {}", job.activationId(), e);
        }
    }

    /** {@code /init} once per container; other activations joining it wait on {@link PooledContainer#initialized}. */
    private PooledContainer.InitOutcome initialize(PooledContainer c, ActivationJob job) {
        PooledContainer.InitOutcome outcome = initialize(c, job.action().name(), job.exec(), (int) job.limits().timeout());
        c.initialized.complete(outcome);
        return outcome;
    }

    /**
     * Initialises a dedicated container with its action, before any activation: the platform's error when that
     * failed (the container is then of no more use), else null.
     */
    public JsonNode initialize(DedicatedContainer d, String actionName, Exec exec, long timeoutMs) {
        ActivationFailure failure = initialize(d.slot, actionName, exec, (int) timeoutMs).failure();
        return failure == null ? null : failure.result();
    }

    private PooledContainer.InitOutcome initialize(PooledContainer c, String actionName, Exec exec, int timeout) {
        long t0 = System.nanoTime();
        ActivationFailure failure = null;
        ObjectNode value = json.createObjectNode();
        value.put("name", actionName);
        value.put("main", exec.main() == null ? "main" : exec.main());
        value.put("code", exec.code());
        value.put("binary", exec.binary());
        value.putObject("env");
        ObjectNode body = json.createObjectNode();
        body.set("value", value);
        try {
            ProxyResponse r = c.post("/init", bytes(body), timeout);
            if (r.status() != 200) {
                failure = new ActivationFailure(ActivationStatus.DEVELOPER_ERROR, initError(r.body()), true, false);
            }
        } catch (SocketTimeoutException e) {
            failure = new ActivationFailure(ActivationStatus.DEVELOPER_ERROR,
                    error("The action exceeded its time limits of " + timeout + " milliseconds during initialization."), true, true);
        } catch (IOException e) {
            failure = new ActivationFailure(ActivationStatus.DEVELOPER_ERROR, error(diedMessage(c, true)), true, false);
        }
        return new PooledContainer.InitOutcome(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), failure);
    }

    /** The proxy's {@code {"error": ...}} of a failed {@code /init}, or the platform's words for an unreadable one. */
    private JsonNode initError(String body) {
        JsonNode parsed = parse(body);
        if (parsed != null && parsed.isObject() && parsed.has("error")) {
            return parsed;
        }
        return error("The action failed during initialization" + (body.isBlank() ? "." : ": " + body));
    }

    private record Outcome(JsonNode result, ActivationFailure failure) {
    }

    private Outcome runAction(PooledContainer c, ActivationJob job) {
        byte[] body = runBody(job);
        int timeout = (int) job.limits().timeout();
        ProxyResponse r;
        try {
            r = c.post("/run", body, timeout);
        } catch (SocketTimeoutException e) {
            return new Outcome(null, timedOut(timeout));
        } catch (IOException e) {
            return new Outcome(null, new ActivationFailure(ActivationStatus.DEVELOPER_ERROR, error(diedMessage(c, false)), true, false));
        }
        return interpret(r);
    }

    private ActivationFailure timedOut(int timeout) {
        return new ActivationFailure(ActivationStatus.DEVELOPER_ERROR,
                error("The action exceeded its time limits of " + timeout + " milliseconds."), true, true);
    }

    /**
     * Runs an activation in a dedicated container on the calling thread. The invoker waits for {@code /run} as long
     * as it takes; the clock keeps the time limit, and when it runs out the container is destroyed (as the pool's
     * would be) and the activation ends as timed out. Its logs, record and listener calls are the pool's.
     *
     * @param queuedAt epoch ms when the activation was handed over (its wait time runs from then)
     */
    public DedicatedOutcome runDedicated(DedicatedContainer d, ActivationJob job, long queuedAt, ActivationClock clock) {
        PooledContainer c = d.slot;
        ContainerLogs.Collector logs = c.logs.begin(job.limits().logs() * 1024 * 1024);
        long start = System.currentTimeMillis();
        long waitTime = Math.max(0, start - queuedAt);
        Placement placement = new Placement(c.container().id(), StartKind.WARM, queuedAt, waitTime, null);
        tellStarted(job, placement, start);
        int timeout = (int) job.limits().timeout();
        AtomicBoolean expired = new AtomicBoolean();
        Outcome out;
        clock.begin(job, timeout, () -> {
            expired.set(true);
            c.container().destroy();
        });
        try {
            out = interpret(c.post("/run", runBody(job), ProxyConnection.NO_TIMEOUT));
        } catch (IOException e) {
            out = new Outcome(null, expired.get() ? timedOut(timeout)
                    : new ActivationFailure(ActivationStatus.DEVELOPER_ERROR, error(diedMessage(c, false)), true, false));
        } finally {
            clock.end(job);
        }
        ActivationFailure failure = out.failure();
        long end = System.currentTimeMillis();
        boolean developerError = failure != null && failure.status() == ActivationStatus.DEVELOPER_ERROR;
        List<String> lines = logs.end(!developerError, SENTINEL_WAIT_MS);
        tellFinished(job, placement);
        boolean timedOut = failure != null && failure.timedOut();
        ActivationRecord rec = record(job, start, end, waitTime, null, timedOut, lines, failure, out.result());
        return new DedicatedOutcome(rec, failure != null && failure.destroyContainer(), timedOut);
    }

    /** {@code /run}'s message: the parameters, and what the runtime exports as {@code __OW_*}. */
    private byte[] runBody(ActivationJob job) {
        long deadline = System.currentTimeMillis() + job.limits().timeout();
        ObjectNode body = json.createObjectNode();
        body.set("value", job.parameters());
        body.put("namespace", job.namespace());
        body.put("action_name", job.action().fullyQualified());
        body.put("action_version", job.actionVersion());
        body.put("activation_id", job.activationId());
        body.put("deadline", Long.toString(deadline));
        if (job.apiKey() != null) {
            body.put("api_key", job.apiKey());
        }
        body.put("transaction_id", job.transactionId());
        return bytes(body);
    }

    /** Reads {@code /run}'s answer as the platform's invoker does. */
    private Outcome interpret(ProxyResponse r) {
        long size = r.body().getBytes(StandardCharsets.UTF_8).length;
        if (size > resultLimitBytes) {
            return new Outcome(null, new ActivationFailure(ActivationStatus.APPLICATION_ERROR,
                    error("The action produced a response that exceeded the allowed length: " + size + " > "
                            + resultLimitBytes + " bytes."), false, false));
        }
        JsonNode parsed = parse(r.body());
        if (r.status() == 200 && parsed != null && (parsed.isObject() || parsed.isArray())) {
            if (parsed.isObject() && parsed.has("error")) {
                return new Outcome(null, new ActivationFailure(ActivationStatus.APPLICATION_ERROR, parsed, false, false));
            }
            return new Outcome(parsed, null);
        }
        if (parsed != null && parsed.isObject() && parsed.has("error")) {
            return new Outcome(null, new ActivationFailure(ActivationStatus.DEVELOPER_ERROR, parsed, true, false));
        }
        return new Outcome(null, new ActivationFailure(ActivationStatus.DEVELOPER_ERROR,
                error("The action did not produce a valid JSON response: " + r.body()), true, false));
    }

    /** Why the connection broke: the memory limit, or an unexpected exit. */
    private static String diedMessage(PooledContainer c, boolean init) {
        Container container = c.container();
        container.exited().orTimeout(500, TimeUnit.MILLISECONDS).exceptionally(t -> null).join();
        if (c.memoryExceeded || container.diedOfMemory()) {
            return "The action exhausted its memory and was aborted.";
        }
        return init ? "The action did not initialize and exited unexpectedly."
                : "The action did not produce a valid response and exited unexpectedly.";
    }

    /** Kills busy containers whose resident memory is over their limit (the V8 heap flag does not cover all of it). */
    private void enforceMemoryLimits() {
        try {
            for (PooledContainer c : pool.busy()) {
                if (c.container().enforcesMemoryLimit()) {
                    continue;
                }
                long rss = c.container().residentMemoryBytes();
                if (rss > (long) c.memoryMb * 1024 * 1024) {
                    LOG.info("container {} uses {} MB, over its limit of {} MB: killing it", c.name, rss >> 20, c.memoryMb);
                    c.memoryExceeded = true;
                    c.container().destroy();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("memory watchdog failed", e);
        }
    }

    private ActivationRecord record(ActivationJob job, long start, long end, long waitTime, Long initTime, boolean timedOut,
                                    List<String> logs, ActivationFailure failure, JsonNode result) {
        ArrayNode annotations = json.createArrayNode();
        annotations.addObject().put("key", "path").put("value", job.action().docId());
        if (job.binding() != null) {
            // as the platform: the entity path of the binding the action was invoked through
            annotations.addObject().put("key", "binding").put("value", job.binding());
        }
        if (job.causedBy() != null) {
            annotations.addObject().put("key", "causedBy").put("value", job.causedBy());
        }
        annotations.addObject().put("key", "waitTime").put("value", waitTime);
        annotations.addObject().put("key", "kind").put("value", job.exec().kind());
        annotations.addObject().put("key", "timeout").put("value", timedOut);
        annotations.addObject().put("key", "limits").set("value", job.limits().toJson());
        if (initTime != null) {
            annotations.addObject().put("key", "initTime").put("value", initTime);
        }
        ActivationStatus status = failure == null ? ActivationStatus.SUCCESS : failure.status();
        JsonNode resultJson = failure == null ? result : failure.result();
        return new ActivationRecord(job.namespace(), job.action().pkg(), job.action().name(), job.actionVersion(),
                job.subject(), job.activationId(), start, Math.max(end, start), job.publish(), logs, status, resultJson,
                annotations, job.cause());
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private ObjectNode error(String message) {
        ObjectNode o = json.createObjectNode();
        o.put("error", message);
        return o;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        runners.shutdownNow();
    }
}
