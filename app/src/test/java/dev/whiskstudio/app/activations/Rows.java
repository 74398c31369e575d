package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** List entries shaped as the platform writes them, for tests that need many rows without a target. */
final class Rows {
    static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {
    }

    /** A 32-hex id made from a number. */
    static String id(long n) {
        return String.format(Locale.ROOT, "%032x", n);
    }

    /** The list entry of an action activation. */
    static ObjectNode entry(String id, String path, long start, long duration, int statusCode, Long initTime) {
        ObjectNode e = JSON.createObjectNode();
        String name = path.contains("/") ? path.substring(path.indexOf('/') + 1) : path;
        e.put("namespace", "guest");
        e.put("name", name);
        e.put("version", "0.0.1");
        e.put("publish", false);
        ArrayNode a = e.putArray("annotations");
        a.addObject().put("key", "path").put("value", "guest/" + path);
        a.addObject().put("key", "waitTime").put("value", 7);
        a.addObject().put("key", "kind").put("value", "nodejs:20");
        a.addObject().put("key", "timeout").put("value", false);
        ObjectNode limits = a.addObject().put("key", "limits").putObject("value");
        limits.put("timeout", 60000).put("memory", 256).put("logs", 10).put("concurrency", 1);
        if (initTime != null) {
            a.addObject().put("key", "initTime").put("value", initTime);
        }
        e.put("activationId", id);
        e.put("start", start);
        e.put("end", start + duration);
        e.put("duration", duration);
        e.put("statusCode", statusCode);
        return e;
    }

    static ActivationRow row(long n, String path, long start, int statusCode, Long initTime) {
        return ActivationRow.of(entry(id(n), path, start, 10 + n % 50, statusCode, initTime));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
