package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.explorer.ActionRef;

import java.util.Objects;

/**
 * One activation as the list and the timeline show it: what a list entry of {@code GET /activations} says (its
 * annotations {@code path}, {@code kind}, {@code limits}, {@code waitTime}, {@code initTime}; its {@code statusCode}),
 * plus, on the simulator, the insight (container, prewarm or cold). A full record makes the same row.
 *
 * @param activationId the 32 hex characters
 * @param namespace    the namespace the activation was recorded in
 * @param path         {@code pkg/name} or {@code name}: the action's path within its namespace (the {@code path}
 *                     annotation without its namespace), or the entity's name when there is no annotation (a trigger)
 * @param name         the entity's name
 * @param kind         the {@code kind} annotation ({@code nodejs:20}, {@code sequence}); empty when there is none
 * @param start        epoch ms
 * @param end          epoch ms; 0 when the record has none (a trigger's)
 * @param duration     ms; -1 when unknown
 * @param waitTime     ms queued before a container took it; -1 unknown
 * @param initTime     ms in {@code /init}; -1 when there was none (warm, or no container)
 * @param startKind    cold, prewarm, warm or unknown
 * @param status       the outcome
 * @param memory       the memory limit in MB; -1 unknown
 * @param containerId  the simulator's container; null when unknown
 * @param cause        the id of the sequence (or conductor) activation this one is a component of; null for none
 * @param isSequence   a sequence's or conductor's own record, whose logs are its components' ids
 * @param summary      the entry as it was listed (or the whole record it was made from)
 */
public record ActivationRow(String activationId, String namespace, String path, String name, String kind,
                            long start, long end, long duration, long waitTime, long initTime, StartKind startKind,
                            ActivationStatus status, int memory, String containerId, String cause, boolean isSequence,
                            JsonNode summary) {

    public ActivationRow {
        Objects.requireNonNull(activationId, "activationId");
        Objects.requireNonNull(startKind, "startKind");
        Objects.requireNonNull(status, "status");
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        path = path == null || path.isEmpty() ? name : path;
        kind = kind == null ? "" : kind;
    }

    /**
     * The row of a list entry ({@code docs=false}) or a whole record. The status comes from {@code statusCode}, else
     * from {@code response} ({@code statusCode}, {@code status}, {@code success}); a record with neither (a
     * trigger's, which has no end) counts as a success, as the platform records a fired trigger. Without an insight
     * an {@code initTime} means a cold start (a cluster's record cannot tell prewarm from cold) and an action that
     * ran without one was warm.
     */
    public static ActivationRow of(JsonNode entry) {
        JsonNode annotations = entry.path("annotations");
        String id = entry.path("activationId").asText("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("an activation without an activationId");
        }
        String name = entry.path("name").asText("");
        String namespace = entry.path("namespace").asText("");
        String kind = RecordFields.annotationText(annotations, "kind");
        boolean sequence = "sequence".equals(kind) || RecordFields.annotation(annotations, "conductor") != null
                && !RecordFields.isFalsy(RecordFields.annotation(annotations, "conductor"));
        long start = entry.path("start").asLong(0);
        long end = entry.path("end").asLong(0);
        long duration = entry.path("duration").canConvertToLong() ? entry.get("duration").asLong()
                : end > 0 ? end - start : -1;
        long waitTime = RecordFields.annotationLong(annotations, "waitTime", -1);
        long initTime = RecordFields.annotationLong(annotations, "initTime", -1);
        JsonNode limits = RecordFields.annotation(annotations, "limits");
        int memory = limits != null && limits.path("memory").canConvertToInt() ? limits.get("memory").asInt() : -1;
        StartKind startKind;
        if (sequence || kind.isEmpty()) {
            startKind = StartKind.UNKNOWN;
        } else {
            startKind = initTime >= 0 ? StartKind.COLD : StartKind.WARM;
        }
        String cause = entry.hasNonNull("cause") ? entry.get("cause").asText() : null;
        return new ActivationRow(id, namespace, RecordFields.pathWithinNamespace(annotations, name), name, kind, start,
                end, duration, waitTime, initTime, startKind, status(entry), memory, null, cause, sequence, entry);
    }

    private static ActivationStatus status(JsonNode entry) {
        if (entry.path("statusCode").canConvertToInt()) {
            return ActivationStatus.fromCode(entry.get("statusCode").asInt());
        }
        JsonNode response = entry.path("response");
        if (response.path("statusCode").canConvertToInt()) {
            return ActivationStatus.fromCode(response.get("statusCode").asInt());
        }
        ActivationStatus byText = ActivationStatus.fromText(response.path("status").asText(""));
        if (byText != null) {
            return byText;
        }
        if (response.has("success")) {
            return response.get("success").asBoolean() ? ActivationStatus.SUCCESS : ActivationStatus.APPLICATION_ERROR;
        }
        return ActivationStatus.SUCCESS;
    }

    /**
     * This row with what the simulator knows: its container and start kind (an unknown start kind in the insight
     * leaves the row's); its wait and init times fill in only what the record lacked.
     */
    public ActivationRow withInsight(RowInsight insight) {
        if (insight == null || !insight.activationId().equals(activationId)) {
            return this;
        }
        StartKind kindNow = insight.startKind() == StartKind.UNKNOWN ? startKind : insight.startKind();
        return new ActivationRow(activationId, namespace, path, name, kind, start, end, duration,
                waitTime >= 0 ? waitTime : insight.waitTime(), initTime >= 0 ? initTime : insight.initTime(), kindNow,
                status, memory, insight.containerId() != null ? insight.containerId() : containerId, cause, isSequence,
                summary);
    }

    /** The first 12 characters of the id, which the list shows. */
    public String shortId() {
        return activationId.length() <= 12 ? activationId : activationId.substring(0, 12);
    }

    /** A record without an end: a trigger's (the platform does not time a fired trigger). */
    public boolean hasEnd() {
        return end > 0;
    }

    /**
     * The action as it was invoked: through the package binding the record names ({@code binding} annotation), so
     * that invoking it again merges the binding's parameters as before; else {@link #actionRef()}.
     */
    public ActionRef invokedRef() {
        ActionRef actual = actionRef();
        String binding = summary == null ? "" : RecordFields.annotationText(summary.path("annotations"), "binding");
        int slash = binding.indexOf('/');
        if (actual == null || slash <= 0 || slash == binding.length() - 1) {
            return actual;
        }
        return new ActionRef(binding.substring(0, slash), binding.substring(slash + 1), actual.name());
    }

    /**
     * The action that ran, from the {@code path} annotation ({@code ns/pkg/name}, whose namespace may be another's
     * for a shared package); null for a record of no action (a trigger's).
     */
    public ActionRef actionRef() {
        String full = summary == null ? "" : RecordFields.annotationText(summary.path("annotations"), "path");
        if (full.isEmpty() || kind.isEmpty()) {
            return null;
        }
        try {
            return ActionRef.parse(full);
        } catch (IllegalArgumentException notAnActionPath) {
            return null;
        }
    }
}
