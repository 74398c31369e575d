package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.whiskstudio.sim.store.StoredEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts activations of actions: resolves the action (through packages and bindings), merges parameters
 * (package &lt; binding &lt; action &lt; invocation, honouring {@code final}), applies the throttles, hands the job to
 * the invoker and stores the record it makes.
 */
public final class InvocationController {
    private static final Logger LOG = LoggerFactory.getLogger(InvocationController.class);

    private final ActionController actions;
    private final Invoker invoker;
    private final ActivationWriter writer;
    private final Throttle throttle;
    private final long payloadLimitBytes;

    public InvocationController(ActionController actions, Invoker invoker, ActivationWriter writer, Throttle throttle,
                                long payloadLimitBytes) {
        this.actions = actions;
        this.invoker = invoker;
        this.writer = writer;
        this.throttle = throttle;
        this.payloadLimitBytes = payloadLimitBytes;
    }

    /**
     * Starts an activation.
     *
     * @param payload   the invocation's parameters (a JSON object)
     * @param record    whether to store the record (the Adobe profile skips successful blocking ones unless asked)
     */
    public Invocation invoke(Identity who, String ns, String pkg, String name, JsonNode payload, RecordPolicy record) {
        QualifiedName requested = new QualifiedName(who.resolve(ns), pkg, name);
        ActionController.ResolvedAction resolved = actions.resolve(who, actions.checkedName(requested));
        if (payload != null && !payload.isObject()) {
            throw new MalformedEntityException("Object expected");
        }
        ObjectNode doc = resolved.action().doc();
        Exec exec = Exec.fromJson(doc.get("exec"));
        if (exec.isSequence()) {
            throw new ApiException(501, "Sequences run in a later version of the simulator.");
        }
        ObjectNode parameters = KeyValues.toObject(KeyValues.merge(resolved.inheritedParameters(), doc.get("parameters")));
        if (payload != null) {
            checkFinal(doc, parameters, (ObjectNode) payload);
            payload.fields().forEachRemaining(f -> parameters.set(f.getKey(), f.getValue()));
        }
        throttle.admit(who.namespace());
        String activationId = newActivationId();
        boolean provideKey = KeyValues.get(doc.get("annotations"), "provide-api-key") != null
                && KeyValues.get(doc.get("annotations"), "provide-api-key").asBoolean(false);
        StoredEntity action = resolved.action();
        ActivationJob job = new ActivationJob(activationId, who.namespace(), who.subject(), provideKey ? who.authKey() : null,
                action.name(), doc.path("version").asText(), doc.path("version").asText() + "@" + action.updated(),
                exec, ActionLimits.fromJson(doc.get("limits")), doc.path("publish").asBoolean(), parameters, null,
                activationId);
        CompletableFuture<ActivationRecord> done = invoker.submit(job)
                .whenComplete((rec, e) -> throttle.finish(who.namespace()))
                .thenCompose(rec -> {
            if (!record.shouldStore(rec)) {
                return CompletableFuture.completedFuture(rec);
            }
            return writer.write(ActivationRow.of(rec)).handle((v, e) -> {
                if (e != null) {
                    LOG.error("activation {} ran but its record could not be stored", rec.activationId(), e);
                }
                return rec;
            });
        });
        return new Invocation(activationId, done);
    }

    /** An action annotated {@code final: true} refuses invocation parameters that would replace its own. */
    private static void checkFinal(ObjectNode doc, ObjectNode defined, ObjectNode payload) {
        JsonNode fin = KeyValues.get(doc.get("annotations"), "final");
        if (fin == null || !fin.asBoolean(false)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            if (defined.has(it.next().getKey())) {
                throw ApiException.badRequest(Messages.PARAMETERS_NOT_ALLOWED);
            }
        }
    }

    /** 32 lowercase hex characters, as the platform's activation ids. */
    static String newActivationId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
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
