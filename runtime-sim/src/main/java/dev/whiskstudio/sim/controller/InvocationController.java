package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.entity.ActionLimits;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.Exec;
import dev.whiskstudio.sim.entity.KeyValues;
import dev.whiskstudio.sim.entity.MalformedEntityException;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.invoker.ActivationJob;
import dev.whiskstudio.sim.invoker.Invoker;
import dev.whiskstudio.sim.store.ActivationRow;
import dev.whiskstudio.sim.store.ActivationWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.whiskstudio.plugin.FeedProvider;

import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Starts activations of actions: resolves the action (through packages and bindings), merges parameters
 * (package &lt; binding &lt; action &lt; invocation, honouring {@code final}), applies the throttles, runs it (a
 * sequence through {@link SequenceRunner}, anything else through the invoker) and stores the record.
 */
public final class InvocationController {
    private static final Logger LOG = LoggerFactory.getLogger(InvocationController.class);

    private final ActionController actions;
    private final Invoker invoker;
    private final ActivationWriter writer;
    private final Throttle throttle;
    private final long payloadLimitBytes;
    private final SequenceRunner sequences;
    private final ConductorRunner conductors;

    private final SystemFeeds feeds;
    private final ActivationObserver observer;
    private final PausedTime pausedTime;

    public InvocationController(ActionController actions, Invoker invoker, ActivationWriter writer, Throttle throttle,
                                long payloadLimitBytes, int sequenceMaxLength, SystemFeeds feeds) {
        this(actions, invoker, writer, throttle, payloadLimitBytes, sequenceMaxLength, feeds, ActivationObserver.NONE);
    }

    /** @param observer decides what is stored beside each record and hears when it is handed to the store */
    public InvocationController(ActionController actions, Invoker invoker, ActivationWriter writer, Throttle throttle,
                                long payloadLimitBytes, int sequenceMaxLength, SystemFeeds feeds,
                                ActivationObserver observer) {
        this(actions, invoker, writer, throttle, payloadLimitBytes, sequenceMaxLength, feeds, observer, PausedTime.NONE);
    }

    /** @param pausedTime how long debuggers held activations paused: callers' waits do not count it */
    public InvocationController(ActionController actions, Invoker invoker, ActivationWriter writer, Throttle throttle,
                                long payloadLimitBytes, int sequenceMaxLength, SystemFeeds feeds,
                                ActivationObserver observer, PausedTime pausedTime) {
        this.pausedTime = pausedTime;
        this.observer = observer;
        this.feeds = feeds;
        this.actions = actions;
        this.invoker = invoker;
        this.writer = writer;
        this.throttle = throttle;
        this.payloadLimitBytes = payloadLimitBytes;
        this.sequences = new SequenceRunner(this, actions, sequenceMaxLength);
        this.conductors = new ConductorRunner(this, actions, sequenceMaxLength);
    }

    /**
     * Starts an activation of an action the caller may run.
     *
     * @param payload the invocation's parameters (a JSON object, or null)
     * @param record  which records to store (the Adobe profile skips successful blocking ones unless asked)
     */
    public Invocation invoke(Identity who, String ns, String pkg, String name, JsonNode payload, RecordPolicy record) {
        charge(who);
        return start(who, ns, pkg, name, payload, record, 0);
    }

    /** Charges an invocation request to the caller's throttles (429 when over); do it before anything else. */
    public void charge(Identity who) {
        throttle.check(who.namespace());
    }

    /**
     * {@link #invoke} for a request already {@link #charge}d.
     *
     * @param callerWaitsMs how long the caller will wait for the record on its own thread (a blocking invoke; 0: it
     *                      does not wait); the activation may then run on that thread, and the invocation is done on
     *                      return
     */
    public Invocation start(Identity who, String ns, String pkg, String name, JsonNode payload, RecordPolicy record,
                            long callerWaitsMs) {
        QualifiedName requested = actions.checkedName(new QualifiedName(who.resolve(ns), pkg, name));
        ActionController.ResolvedAction resolved = actions.resolve(who, requested);
        if (payload != null && !payload.isObject()) {
            throw new MalformedEntityException("Object expected");
        }
        ObjectNode params = payload == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) payload;
        checkFinal(resolved, params);
        return startResolved(who, resolved, params, record, callerWaitsMs);
    }

    /**
     * Starts an activation of an action already found and checked, for a request already {@link #charge}d (a web
     * action's, run as its owner).
     *
     * @param callerWaitsMs how long the caller will wait for the record on its own thread (0: it does not wait); the
     *                      activation may then run on that thread, and the invocation is done on return
     */
    public Invocation startResolved(Identity who, ActionController.ResolvedAction resolved, ObjectNode params,
                                    RecordPolicy record, long callerWaitsMs) {
        long startedNanos = System.nanoTime();
        throttle.started(who.namespace());
        String activationId = newActivationId();
        CompletableFuture<ActivationRecord> done = run(who, resolved, params, activationId, null, null, new int[]{0},
                callerWaitsMs)
                .whenComplete((rec, e) -> throttle.finish(who.namespace()))
                .thenCompose(rec -> record.shouldStore(rec) ? store(rec, params) : notStored(rec));
        return new Invocation(activationId, done, startedNanos);
    }

    /**
     * Runs a resolved action with a payload (its own parameters merged underneath) and completes with its record,
     * never exceptionally. The record is not stored here, except a sequence's components, which are.
     *
     * @param cause        the causing activation (sequence, trigger), or null
     * @param causedBy     {@code sequence} for a sequence's component, else null
     * @param atomicCount  atomic actions run so far by the outermost sequence (a counter shared down the tree)
     */
    CompletableFuture<ActivationRecord> run(Identity who, ActionController.ResolvedAction resolved, ObjectNode payload,
                                            String activationId, String cause, String causedBy, int[] atomicCount) {
        return run(who, resolved, payload, activationId, cause, causedBy, atomicCount, 0);
    }

    /** {@link #run}; a primitive action may run on the caller's thread if it waits {@code callerWaitsMs} for it. */
    private CompletableFuture<ActivationRecord> run(Identity who, ActionController.ResolvedAction resolved,
                                                    ObjectNode payload, String activationId, String cause,
                                                    String causedBy, int[] atomicCount, long callerWaitsMs) {
        ObjectNode doc = resolved.action().doc();
        Exec exec = Exec.fromJson(doc.get("exec"));
        if (exec.isSequence()) {
            return sequences.run(who, resolved, payload, activationId, cause, atomicCount);
        }
        if (ConductorRunner.isConductor(doc)) {
            return conductors.run(who, resolved, payload, activationId, cause, atomicCount);
        }
        Optional<FeedProvider> feed = feeds.providerOf(resolved.action());
        if (feed.isPresent()) {
            return feeds.invoke(who, resolved, feed.get(), payload, activationId, cause);
        }
        return runPrimitive(who, resolved, payload, activationId, cause, causedBy, callerWaitsMs);
    }

    /** Runs an action's code once (a conductor's secondary activations too), without looking at what kind it is. */
    CompletableFuture<ActivationRecord> runPrimitive(Identity who, ActionController.ResolvedAction resolved,
                                                     ObjectNode payload, String activationId, String cause,
                                                     String causedBy) {
        return runPrimitive(who, resolved, payload, activationId, cause, causedBy, 0);
    }

    private CompletableFuture<ActivationRecord> runPrimitive(Identity who, ActionController.ResolvedAction resolved,
                                                             ObjectNode payload, String activationId, String cause,
                                                             String causedBy, long callerWaitsMs) {
        ObjectNode doc = resolved.action().doc();
        Exec exec = Exec.fromJson(doc.get("exec"));
        ObjectNode parameters = KeyValues.toObject(KeyValues.merge(resolved.inheritedParameters(), doc.get("parameters")));
        payload.fields().forEachRemaining(f -> parameters.set(f.getKey(), f.getValue()));
        JsonNode provideKey = KeyValues.get(doc.get("annotations"), "provide-api-key");
        ActivationJob job = new ActivationJob(activationId, who.namespace(), who.subject(),
                provideKey != null && provideKey.asBoolean(false) ? who.authKey() : null,
                resolved.action().name(), doc.path("version").asText(),
                resolved.revision(), exec,
                ActionLimits.fromJson(doc.get("limits")), doc.path("publish").asBoolean(), parameters, cause, causedBy,
                activationId, resolved.binding());
        return invoker.submit(job, callerWaitsMs);
    }

    /**
     * A caller's wait for an invocation's record (blocking invoke, web action): completes with the record, or with
     * null once {@code waitMs} have passed in which the activation was not held paused by a debugger. A wait that
     * begins while no debug session is on is the plain timeout (an activation started then is not in a debug
     * container; only a later component of a sequence could be).
     */
    public CompletableFuture<ActivationRecord> awaitRecord(Invocation invocation, long waitMs) {
        if (invocation.done().isDone()) {
            // it ran on the caller's thread: an answer later than the wait is still the wait's
            boolean inTime = System.nanoTime() - invocation.startedNanos() <= TimeUnit.MILLISECONDS.toNanos(waitMs);
            return CompletableFuture.completedFuture(inTime ? invocation.done().join() : null);
        }
        if (!pausedTime.canPause()) {
            // no debug session: the plain timeout of the path without debugging
            return invocation.done().thenApply(r -> r).completeOnTimeout(null, waitMs, TimeUnit.MILLISECONDS);
        }
        return BlockingWait.of(invocation, pausedTime, waitMs);
    }

    /**
     * Hands a record to the writer and completes with it at once: as on the platform, an activation's answer does not
     * wait for its record to be stored. Reads of the activation API wait for the records handed in before them.
     *
     * @param params the payload the activation was invoked with (kept beside the record by the observer)
     */
    CompletableFuture<ActivationRecord> store(ActivationRecord rec, JsonNode params) {
        ActivationRow row;
        try {
            row = observer.row(rec, params);
        } catch (RuntimeException e) {
            LOG.warn("activation {}: the observer could not add to its record", rec.activationId(), e);
            row = ActivationRow.of(rec);
        }
        writer.write(row).whenComplete((v, e) -> {
            if (e != null) {
                LOG.error("activation {} ran but its record could not be stored", rec.activationId(), e);
            }
        });
        try {
            observer.handedIn(rec, row);
        } catch (RuntimeException e) {
            LOG.warn("activation {}: the observer failed", rec.activationId(), e);
        }
        return CompletableFuture.completedFuture(rec);
    }

    private CompletableFuture<ActivationRecord> notStored(ActivationRecord rec) {
        try {
            observer.notStored(rec);
        } catch (RuntimeException e) {
            LOG.warn("activation {}: the observer failed", rec.activationId(), e);
        }
        return CompletableFuture.completedFuture(rec);
    }

    /** An action annotated {@code final: true} refuses invocation parameters that would replace its own. */
    static void checkFinal(ActionController.ResolvedAction resolved, ObjectNode payload) {
        ObjectNode doc = resolved.action().doc();
        JsonNode fin = KeyValues.get(doc.get("annotations"), "final");
        if (fin == null || !fin.asBoolean(false)) {
            return;
        }
        ObjectNode defined = KeyValues.toObject(KeyValues.merge(resolved.inheritedParameters(), doc.get("parameters")));
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            if (defined.has(it.next().getKey())) {
                throw ApiException.badRequest(Messages.PARAMETERS_NOT_ALLOWED);
            }
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    /** 32 lowercase hex characters, as the platform's activation ids. */
    static String newActivationId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        // HexFormat, not String.format: this is on every activation's path
        return HEX.toHexDigits(r.nextLong()) + HEX.toHexDigits(r.nextLong());
    }

    public long payloadLimitBytes() {
        return payloadLimitBytes;
    }

    /** Which records to keep. */
    public interface RecordPolicy {
        boolean shouldStore(ActivationRecord record);

        RecordPolicy ALL = r -> true;
    }
}
