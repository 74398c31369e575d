package dev.whiskstudio.app.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a collection listing, as the platform summarises it. {@code annotations} is the platform's array of
 * {@code {"key","value"}} pairs (empty when there are none); it says, for example, whether an action is a web action.
 */
public record EntitySummary(String namespace, String name, String version, boolean publish, long updated,
                            JsonNode annotations) {

    static EntitySummary of(JsonNode json) {
        return new EntitySummary(json.path("namespace").asText(""), json.path("name").asText(""),
                json.path("version").asText(""), json.path("publish").asBoolean(false),
                json.path("updated").asLong(0), json.path("annotations"));
    }
}
