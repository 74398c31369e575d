package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.entity.ActionLimits;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.entity.KeyValues;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.store.StoredEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a conductor action (annotation {@code conductor} not falsy) as the platform does: the conductor runs, and
 * as long as it returns a continuation with an {@code action}, that action runs on the continuation's
 * {@code params} and the conductor runs again on its result merged with the continuation's {@code state}. The
 * primary record lists every derived activation, sums their durations, and ends with the last result (its
 * {@code params}, unboxed); derived records carry {@code causedBy: sequence} and the primary's id as cause.
 */
final class ConductorRunner {
    private static final String SEQUENCE = "sequence";
    private static final String TOO_LONG = "Too many actions in the composition.";

    private final InvocationController invocations;
    private final ActionController actions;
    private final int maxComponents;

    ConductorRunner(InvocationController invocations, ActionController actions, int maxComponents) {
        this.invocations = invocations;
        this.actions = actions;
        this.maxComponents = maxComponents;
    }

    /** Whether an action is a conductor: its {@code conductor} annotation is there and not falsy. */
    static boolean isConductor(ObjectNode actionDoc) {
        JsonNode v = KeyValues.get(actionDoc.get("annotations"), "conductor");
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        return !(v.isTextual() && v.asText().isEmpty());
    }

    /** The state of one composition. */
    private static final class Run {
        final List<String> logs = new ArrayList<>();
        long duration;
        long maxMemory;
        int components;
        int secondaries;
        ActivationStatus status = ActivationStatus.SUCCESS;
        JsonNode result = JsonNodeFactory.instance.objectNode();
    }

    CompletableFuture<ActivationRecord> run(Identity who, ActionController.ResolvedAction conductor, ObjectNode payload,
                                            String activationId, String cause, int[] atomicCount) {
        long start = System.currentTimeMillis();
        Run run = new Run();
        run.maxMemory = memoryOf(conductor.action());
        return step(who, conductor, payload, activationId, run)
                .handle((v, e) -> {
                    if (e != null) {
                        run.status = ActivationStatus.WHISK_ERROR;
                        run.result = error("Activation failure during composition.");
                    }
                    return record(who, conductor, activationId, cause, start, run);
                });
    }

    /** One secondary activation of the conductor, then the component it asks for, then the next step. */
    private CompletableFuture<Void> step(Identity who, ActionController.ResolvedAction conductor, ObjectNode input,
                                         String primaryId, Run run) {
        if (++run.secondaries > 2 * maxComponents + 1) {
            run.status = ActivationStatus.APPLICATION_ERROR;
            run.result = error(TOO_LONG);
            return CompletableFuture.completedFuture(null);
        }
        String secondaryId = InvocationController.newActivationId();
        run.logs.add(secondaryId);
        return invocations.runPrimitive(who, conductor, input, secondaryId, primaryId, SEQUENCE)
                .thenCompose(secondary -> invocations.store(secondary, input))
                .thenCompose(secondary -> {
                    run.duration += secondary.duration();
                    JsonNode out = secondary.response().get("result");
                    if (secondary.status() != ActivationStatus.SUCCESS || out == null || !out.isObject()) {
                        run.status = secondary.status() == ActivationStatus.SUCCESS ? ActivationStatus.APPLICATION_ERROR
                                : secondary.status();
                        run.result = out == null ? JsonNodeFactory.instance.objectNode() : out;
                        return CompletableFuture.completedFuture(null);
                    }
                    ObjectNode state = boxed(out.get("state"), "state");
                    if (!out.has("action")) {
                        run.status = ActivationStatus.SUCCESS;
                        run.result = out.has("params") ? boxed(out.get("params"), "value") : out;
                        return CompletableFuture.completedFuture(null);
                    }
                    return component(who, out, primaryId, run).thenCompose(next -> {
                        if (next == null) {
                            return CompletableFuture.completedFuture(null);
                        }
                        if (state != null) {
                            state.fields().forEachRemaining(f -> next.set(f.getKey(), f.getValue()));
                        }
                        return step(who, conductor, next, primaryId, run);
                    });
                });
    }

    /**
     * Runs the component a continuation names; completes with the conductor's next input (its result, or an error
     * object when it could not be run), or null when the composition must end on an internal error.
     */
    private CompletableFuture<ObjectNode> component(Identity who, JsonNode continuation, String primaryId, Run run) {
        if (++run.components > maxComponents) {
            return CompletableFuture.completedFuture(error(TOO_LONG));
        }
        JsonNode actionValue = continuation.get("action");
        QualifiedName name;
        try {
            if (!actionValue.isTextual()) {
                throw new IllegalArgumentException("not a name");
            }
            name = QualifiedName.parse(actionValue.asText(), who.namespace());
            if ("_".equals(name.namespace())) {
                name = new QualifiedName(who.namespace(), name.pkg(), name.name());
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(error(
                    "Failed to parse action name from json value " + actionValue + " during composition."));
        }
        ActionController.ResolvedAction resolved;
        try {
            resolved = actions.resolve(who, actions.checkedName(name));
        } catch (ApiException e) {
            String reason = e.status() == 403 ? "Failed entitlement check for action with name '"
                    : "Failed to resolve action with name '";
            return CompletableFuture.completedFuture(error(reason + name.docId() + "' during composition."));
        }
        ObjectNode params = boxed(continuation.get("params"), "value");
        String componentId = InvocationController.newActivationId();
        run.logs.add(componentId);
        run.maxMemory = Math.max(run.maxMemory, memoryOf(resolved.action()));
        ObjectNode input = params == null ? JsonNodeFactory.instance.objectNode() : params;
        return invocations.run(who, resolved, input, componentId, primaryId, SEQUENCE, new int[]{0})
                .thenCompose(component -> invocations.store(component, input))
                .thenApply(component -> {
                    run.duration += component.duration();
                    if (component.status() == ActivationStatus.WHISK_ERROR) {
                        run.status = ActivationStatus.WHISK_ERROR;
                        run.result = error("Activation failure during composition.");
                        return null;
                    }
                    JsonNode result = component.response().get("result");
                    return result != null && result.isObject() ? (ObjectNode) result.deepCopy()
                            : boxed(result, "value");
                });
    }

    /** A dictionary as is; anything else boxed as {@code {key: value}}; absent as null. */
    private static ObjectNode boxed(JsonNode value, String key) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        if (value.isObject()) {
            return (ObjectNode) value.deepCopy();
        }
        ObjectNode box = JsonNodeFactory.instance.objectNode();
        box.set(key, value);
        return box;
    }

    private static ObjectNode error(String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", message);
        return o;
    }

    private static long memoryOf(StoredEntity action) {
        return action.doc().path("limits").path("memory").asLong();
    }

    private ActivationRecord record(Identity who, ActionController.ResolvedAction conductor, String activationId,
                                    String cause, long start, Run run) {
        StoredEntity action = conductor.action();
        ObjectNode doc = action.doc();
        ActionLimits limits = ActionLimits.fromJson(doc.get("limits"));
        ArrayNode annotations = JsonNodeFactory.instance.arrayNode();
        annotations.addObject().put("key", "topmost").put("value", cause == null);
        annotations.addObject().put("key", "path").put("value", action.name().docId());
        annotations.addObject().put("key", "conductor").put("value", true);
        annotations.addObject().put("key", "kind").put("value", SEQUENCE);
        if (cause != null) {
            annotations.addObject().put("key", "causedBy").put("value", SEQUENCE);
        }
        ObjectNode limitsJson = annotations.addObject().put("key", "limits").putObject("value");
        limitsJson.put("timeout", limits.timeout());
        limitsJson.put("memory", run.maxMemory);
        limitsJson.put("logs", limits.logs());
        long end = Math.max(System.currentTimeMillis(), start);
        return new ActivationRecord(who.namespace(), action.name().pkg(), action.name().name(),
                doc.path("version").asText(), who.subject(), activationId, start, end, doc.path("publish").asBoolean(),
                List.copyOf(run.logs), run.status, run.result, annotations, cause, run.duration);
    }
}
