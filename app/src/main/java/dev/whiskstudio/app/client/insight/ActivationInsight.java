package dev.whiskstudio.app.client.insight;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the simulator knows of one activation beyond its record.
 *
 * @param containerId null for a sequence's, trigger's or conductor's own record (it ran in no container)
 * @param startKind   {@code cold}, {@code prewarm} or {@code warm}; null without a container
 * @param queuedAt    epoch ms when the invoker took it
 * @param waitTime    ms it waited for its container
 * @param initTime    ms {@code /init} took; null when there was none (a warm container)
 * @param params      the payload it was invoked with, as the caller sent it; null where the API leaves it out (the
 *                    event stream)
 */
public record ActivationInsight(String activationId, String containerId, String startKind, long queuedAt, long start,
                                long end, long waitTime, Long initTime, JsonNode params) {

    public static ActivationInsight fromJson(JsonNode json) {
        JsonNode init = json.get("initTime");
        JsonNode params = json.get("params");
        return new ActivationInsight(Json.text(json, "activationId"), Json.text(json, "containerId"),
                Json.text(json, "startKind"), json.path("queuedAt").asLong(0), json.path("start").asLong(0),
                json.path("end").asLong(0), json.path("waitTime").asLong(0),
                init == null || init.isNull() ? null : init.asLong(), params == null || params.isNull() ? null : params);
    }
}
