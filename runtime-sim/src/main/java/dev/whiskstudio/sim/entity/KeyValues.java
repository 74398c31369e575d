package dev.whiskstudio.sim.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters and annotations: JSON arrays of {@code {"key","value"}} (parameters may carry {@code "init": true}).
 */
public final class KeyValues {
    private KeyValues() {
    }

    public static ArrayNode empty() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Checks the shape of a client's list and returns a clean copy, the last of duplicate keys winning. */
    public static ArrayNode parse(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return empty();
        }
        if (!node.isArray()) {
            throw new MalformedEntityException(field + " malformed!");
        }
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (JsonNode entry : node) {
            if (!entry.isObject() || !entry.path("key").isTextual()) {
                throw new MalformedEntityException(field + " malformed!");
            }
            ObjectNode clean = JsonNodeFactory.instance.objectNode();
            clean.put("key", entry.get("key").asText());
            clean.set("value", entry.has("value") ? entry.get("value") : JsonNodeFactory.instance.nullNode());
            if (entry.path("init").asBoolean(false)) {
                clean.put("init", true);
            }
            byKey.remove(clean.get("key").asText());
            byKey.put(clean.get("key").asText(), clean);
        }
        ArrayNode out = empty();
        byKey.values().forEach(out::add);
        return out;
    }

    /** The list {@code base} with each key of {@code overrides} replaced or appended. */
    public static ArrayNode merge(JsonNode base, JsonNode overrides) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode e : base) {
            byKey.put(e.get("key").asText(), e);
        }
        for (JsonNode e : overrides) {
            byKey.remove(e.get("key").asText());
            byKey.put(e.get("key").asText(), e);
        }
        ArrayNode out = empty();
        byKey.values().forEach(out::add);
        return out;
    }

    public static ArrayNode without(JsonNode base, String key) {
        ArrayNode out = empty();
        for (JsonNode e : base) {
            if (!key.equals(e.get("key").asText())) {
                out.add(e);
            }
        }
        return out;
    }

    public static ArrayNode with(JsonNode base, String key, JsonNode value) {
        ArrayNode one = empty();
        one.addObject().put("key", key).set("value", value);
        return merge(base, one);
    }

    /** The value of a key, or null. */
    public static JsonNode get(JsonNode list, String key) {
        for (JsonNode e : list) {
            if (key.equals(e.path("key").asText())) {
                return e.get("value");
            }
        }
        return null;
    }

    /** Bytes the platform counts against the size limit: each key plus its value's JSON text. */
    public static long size(JsonNode list) {
        long total = 0;
        for (JsonNode e : list) {
            total += e.get("key").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            total += e.get("value").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return total;
    }

    /** Parameters as one JSON object, for an invocation. */
    public static ObjectNode toObject(JsonNode list) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (JsonNode e : list) {
            out.set(e.get("key").asText(), e.get("value"));
        }
        return out;
    }
}
