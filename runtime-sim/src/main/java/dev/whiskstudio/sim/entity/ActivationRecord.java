package dev.whiskstudio.sim.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * An activation record as the platform keeps it. {@code end == 0} means it has no end (a trigger's record).
 *
 * @param namespace   the namespace the activation ran for (the invoker's)
 * @param packagePath the action's package, or null
 * @param result      the result object (may be null for none)
 * @param annotations the record's annotations ({@code path}, {@code kind}, {@code limits}, {@code waitTime}, ...)
 * @param cause       the activation id of the sequence or trigger that caused it, or null
 * @param sumDuration for a sequence, the sum of its components' durations (the platform's duration of a
 *                    sequence); null means {@code end - start}
 */
public record ActivationRecord(String namespace, String packagePath, String name, String version, String subject,
                               String activationId, long start, long end, boolean publish, List<String> logs,
                               ActivationStatus status, JsonNode result, ArrayNode annotations, String cause,
                               Long sumDuration) {

    public ActivationRecord(String namespace, String packagePath, String name, String version, String subject,
                            String activationId, long start, long end, boolean publish, List<String> logs,
                            ActivationStatus status, JsonNode result, ArrayNode annotations, String cause) {
        this(namespace, packagePath, name, version, subject, activationId, start, end, publish, logs, status, result,
                annotations, cause, null);
    }

    /** {@code pkg/name} or {@code name}: what the list's {@code name} filter matches. */
    public String path() {
        return packagePath == null ? name : packagePath + "/" + name;
    }

    public long duration() {
        if (sumDuration != null) {
            return sumDuration;
        }
        return end == 0 ? 0 : end - start;
    }

    /** The record as {@code GET /activations/{id}} shows it. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("namespace", namespace);
        o.put("name", name);
        o.put("version", version);
        o.put("subject", subject);
        o.put("activationId", activationId);
        o.put("start", start);
        if (end != 0) {
            o.put("end", end);
            o.put("duration", duration());
        }
        if (cause != null) {
            o.put("cause", cause);
        }
        o.set("response", response());
        ArrayNode logLines = o.putArray("logs");
        logs.forEach(logLines::add);
        o.put("publish", publish);
        o.set("annotations", annotations);
        return o;
    }

    /**
     * {@code {"status","success","result"}} (the platform's extended view, which shows {@code success} instead of
     * {@code statusCode}): also the body of {@code /activations/{id}/result}.
     */
    public ObjectNode response() {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("status", status.text());
        r.put("success", status == ActivationStatus.SUCCESS);
        r.set("result", result == null ? JsonNodeFactory.instance.objectNode() : result);
        return r;
    }

    /** The list view: no response, logs or subject; no end, duration or status code without an end. */
    public ObjectNode summary() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("namespace", namespace);
        o.put("name", name);
        o.put("version", version);
        o.put("publish", publish);
        o.set("annotations", annotations);
        o.put("activationId", activationId);
        o.put("start", start);
        if (cause != null) {
            o.put("cause", cause);
        }
        if (end != 0) {
            o.put("end", end);
            o.put("duration", duration());
            o.put("statusCode", status.code());
        }
        return o;
    }
}
