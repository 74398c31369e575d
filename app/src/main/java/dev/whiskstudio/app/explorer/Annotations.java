package dev.whiskstudio.app.explorer;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the platform's annotation lists ({@code [{"key","value"}]}). */
final class Annotations {
    private Annotations() {
    }

    /** The value under {@code key}, or null. */
    static JsonNode value(JsonNode annotations, String key) {
        if (annotations != null && annotations.isArray()) {
            for (JsonNode a : annotations) {
                if (key.equals(a.path("key").asText(null))) {
                    return a.get("value");
                }
            }
        }
        return null;
    }

    /** True for {@code true} and for the strings {@code "true"} and {@code "yes"}, which wskdeploy writes. */
    static boolean isTrue(JsonNode annotations, String key) {
        JsonNode v = value(annotations, key);
        return v != null && (v.asBoolean(false) || "yes".equalsIgnoreCase(v.asText()));
    }
}
