package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.entity.ActionLimits;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.entity.Exec;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.store.StoredEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a sequence as the platform does: each component gets the previous one's result as its input (the first
 * gets the invocation's parameters), the first failure ends it, and the sequence gets its own record whose logs are
 * the component activation ids, whose result is the last component's, and whose duration is the sum of theirs.
 * Components are looked up when their turn comes, and are recorded with {@code causedBy: sequence}.
 */
final class SequenceRunner {
    private static final String SEQUENCE = "sequence";

    private final InvocationController invocations;
    private final ActionController actions;
    private final int maxAtomicActions;

    SequenceRunner(InvocationController invocations, ActionController actions, int maxAtomicActions) {
        this.invocations = invocations;
        this.actions = actions;
        this.maxAtomicActions = maxAtomicActions;
    }

    /** What the sequence has done so far. */
    private static final class Progress {
        final List<String> componentIds = new ArrayList<>();
        long duration;
        long maxMemory;
        ActivationStatus status = ActivationStatus.SUCCESS;
        JsonNode result = JsonNodeFactory.instance.objectNode();
    }

    /**
     * @param cause       the activation that started this sequence if it is itself a component, else null (topmost)
     * @param atomicCount atomic actions run so far by the outermost sequence
     */
    CompletableFuture<ActivationRecord> run(Identity who, ActionController.ResolvedAction sequence, ObjectNode payload,
                                            String activationId, String cause, int[] atomicCount) {
        long start = System.currentTimeMillis();
        Exec exec = Exec.fromJson(sequence.action().doc().get("exec"));
        Progress progress = new Progress();
        CompletableFuture<JsonNode> chain = CompletableFuture.completedFuture(payload);
        for (QualifiedName component : exec.components()) {
            chain = chain.thenCompose(input -> {
                if (input == null) {
                    return CompletableFuture.completedFuture(null);
                }
                return runComponent(who, component, (ObjectNode) input, activationId, atomicCount, progress);
            });
        }
        return chain.handle((last, error) -> {
            if (error != null) {
                progress.status = ActivationStatus.WHISK_ERROR;
                progress.result = errorResult("Sequence failed.");
            }
            return record(who, sequence, activationId, cause, start, progress);
        });
    }

    /** Runs one component; completes with the next input, or null when the sequence must stop. */
    private CompletableFuture<JsonNode> runComponent(Identity who, QualifiedName component, ObjectNode input,
                                                     String sequenceId, int[] atomicCount, Progress progress) {
        ActionController.ResolvedAction resolved;
        try {
            resolved = actions.resolve(who, component);
        } catch (ApiException e) {
            return stop(progress, ActivationStatus.APPLICATION_ERROR, errorResult(Messages.SEQUENCE_COMPONENT_NOT_FOUND));
        }
        boolean nested = Exec.fromJson(resolved.action().doc().get("exec")).isSequence();
        if (!nested) {
            synchronized (atomicCount) {
                if (++atomicCount[0] > maxAtomicActions) {
                    return stop(progress, ActivationStatus.APPLICATION_ERROR, errorResult(Messages.SEQUENCE_TOO_LONG));
                }
            }
        }
        String componentId = InvocationController.newActivationId();
        progress.componentIds.add(componentId);
        return invocations.run(who, resolved, input, componentId, sequenceId, nested ? null : SEQUENCE, atomicCount)
                .thenCompose(rec -> invocations.store(rec, input))
                .thenApply(rec -> {
                    progress.duration += rec.duration();
                    progress.maxMemory = Math.max(progress.maxMemory, memoryOf(resolved.action()));
                    progress.status = rec.status();
                    progress.result = rec.response().get("result");
                    if (rec.status() != ActivationStatus.SUCCESS) {
                        return null;
                    }
                    JsonNode result = rec.response().get("result");
                    return result != null && result.isObject() ? result : JsonNodeFactory.instance.objectNode();
                });
    }

    private static CompletableFuture<JsonNode> stop(Progress progress, ActivationStatus status, JsonNode result) {
        progress.status = status;
        progress.result = result;
        return CompletableFuture.completedFuture(null);
    }

    private static long memoryOf(StoredEntity action) {
        return action.doc().path("limits").path("memory").asLong();
    }

    private static ObjectNode errorResult(String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", message);
        return o;
    }

    private ActivationRecord record(Identity who, ActionController.ResolvedAction sequence, String activationId,
                                    String cause, long start, Progress progress) {
        StoredEntity seq = sequence.action();
        ObjectNode doc = seq.doc();
        boolean topmost = cause == null;
        ActionLimits limits = ActionLimits.fromJson(doc.get("limits"));
        ArrayNode annotations = JsonNodeFactory.instance.arrayNode();
        annotations.addObject().put("key", "topmost").put("value", topmost);
        annotations.addObject().put("key", "path").put("value", seq.name().docId());
        annotations.addObject().put("key", "kind").put("value", SEQUENCE);
        if (!topmost) {
            annotations.addObject().put("key", "causedBy").put("value", SEQUENCE);
        } else {
            annotations.addObject().put("key", "waitTime").put("value", 0);
        }
        ObjectNode limitsJson = annotations.addObject().put("key", "limits").putObject("value");
        limitsJson.put("timeout", limits.timeout());
        limitsJson.put("memory", progress.maxMemory == 0 ? limits.memory() : progress.maxMemory);
        limitsJson.put("logs", limits.logs());
        long end = Math.max(System.currentTimeMillis(), start);
        return new ActivationRecord(who.namespace(), seq.name().pkg(), seq.name().name(), doc.path("version").asText(),
                who.subject(), activationId, start, end, doc.path("publish").asBoolean(), List.copyOf(progress.componentIds),
                progress.status, progress.result, annotations, topmost ? null : cause, progress.duration);
    }
}
