package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads an activation record's annotation list ({@code [{"key","value"}]}). */
final class RecordFields {
    private RecordFields() {
    }

    /** The value under {@code key}, or null. */
    static JsonNode annotation(JsonNode annotations, String key) {
        if (annotations != null && annotations.isArray()) {
            for (JsonNode a : annotations) {
                if (key.equals(a.path("key").asText(null))) {
                    return a.get("value");
                }
            }
        }
        return null;
    }

    static String annotationText(JsonNode annotations, String key) {
        JsonNode v = annotation(annotations, key);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
    }

    static long annotationLong(JsonNode annotations, String key, long absent) {
        JsonNode v = annotation(annotations, key);
        return v != null && v.canConvertToLong() ? v.asLong() : absent;
    }

    /** false, 0, "" and null, as the platform reads a flag annotation. */
    static boolean isFalsy(JsonNode v) {
        if (v == null || v.isNull()) {
            return true;
        }
        if (v.isBoolean()) {
            return !v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() == 0;
        }
        return v.isTextual() && v.asText().isEmpty();
    }

    /** The {@code path} annotation ({@code ns/pkg/name}) without its namespace; {@code name} when absent. */
    static String pathWithinNamespace(JsonNode annotations, String name) {
        String full = annotationText(annotations, "path");
        int slash = full.indexOf('/');
        return slash < 0 || slash == full.length() - 1 ? name : full.substring(slash + 1);
    }
}
