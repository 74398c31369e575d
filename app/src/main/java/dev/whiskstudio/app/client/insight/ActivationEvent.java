package dev.whiskstudio.app.client.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An activation on the simulator's live event stream: begun in its container ({@link Phase#STARTED}), or recorded
 * ({@link Phase#RECORDED}: its record is stored, so the activation API finds it).
 *
 * @param path        {@code pkg/name} or {@code name} of the action (where it really lives, after bindings)
 * @param kind        the action's kind ({@code nodejs:20}, {@code sequence}, ...)
 * @param containerId null for an activation without a container of its own (a sequence, a trigger)
 * @param startKind   {@code cold}, {@code prewarm}, {@code warm}, or null without a container
 * @param summary     RECORDED only (else null): the activation exactly as the activation list shows it
 * @param insight     RECORDED only (else null): the insight without params
 */
public record ActivationEvent(Phase phase, String activationId, String namespace, String path, String kind,
                              String containerId, String startKind, long queuedAt, long start, JsonNode summary,
                              ActivationInsight insight) {

    public enum Phase {
        /** The activation has its container and runs. */
        STARTED,
        /** The activation has ended and its record is stored. */
        RECORDED
    }

    /** From the data of an {@code activation-start} event. */
    public static ActivationEvent started(JsonNode data) {
        return new ActivationEvent(Phase.STARTED, Json.text(data, "activationId"), Json.text(data, "namespace"),
                Json.text(data, "path"), Json.text(data, "kind"), Json.text(data, "containerId"),
                Json.text(data, "startKind"), data.path("queuedAt").asLong(0), data.path("start").asLong(0), null, null);
    }

    /** From the data of an {@code activation} event: the list's summary plus {@code insight}. */
    public static ActivationEvent recorded(JsonNode data) {
        ObjectNode summary = data.isObject() ? ((ObjectNode) data).deepCopy() : new ObjectNode(null);
        JsonNode insightJson = summary.remove("insight");
        ActivationInsight insight = insightJson == null ? null : ActivationInsight.fromJson(insightJson);
        String annotatedKind = annotation(summary, "kind");
        return new ActivationEvent(Phase.RECORDED, Json.text(summary, "activationId"), Json.text(summary, "namespace"),
                pathOf(summary), annotatedKind, insight == null ? null : insight.containerId(),
                insight == null ? null : insight.startKind(), insight == null ? 0 : insight.queuedAt(),
                summary.path("start").asLong(0), summary, insight);
    }

    /** {@code pkg/name} from the {@code path} annotation ({@code ns/pkg/name}), or the record's name. */
    private static String pathOf(JsonNode summary) {
        String annotated = annotation(summary, "path");
        if (annotated != null) {
            int slash = annotated.indexOf('/');
            if (slash >= 0) {
                return annotated.substring(slash + 1);
            }
        }
        return Json.text(summary, "name");
    }

    private static String annotation(JsonNode summary, String key) {
        for (JsonNode a : summary.path("annotations")) {
            if (key.equals(a.path("key").asText())) {
                JsonNode v = a.get("value");
                return v == null || v.isNull() ? null : v.asText();
            }
        }
        return null;
    }
}
