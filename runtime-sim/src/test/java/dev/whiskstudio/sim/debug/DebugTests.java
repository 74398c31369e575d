package dev.whiskstudio.sim.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the debug session tests share: action bodies, the session API's calls, record fields. */
final class DebugTests {
    static final String DEBUG = "/sim/v1/namespaces/_/debug";

    /**
     * Doubles {@code n} and says which process ran it; a breakpoint at user line 2 (0-based line 1) stops before the
     * doubling.
     */
    static final String DOUBLER = """
            function main(params) {
                const doubled = params.n * 2;
                return { doubled, pid: process.pid };
            }
            """;

    /** Says which process ran it and how many times that process ran it. */
    static final String WHO = "let calls = 0; function main() { calls++; return { pid: process.pid, calls }; }";

    private DebugTests() {
    }

    /** A PUT body for an inline nodejs:20 action, with limits and annotations. */
    static String action(String code, String limits, Map<String, Object> annotations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode exec = body.putObject("exec");
        exec.put("kind", "nodejs:20");
        exec.put("code", code);
        if (limits != null) {
            body.set("limits", parse(limits));
        }
        ArrayNode list = body.putArray("annotations");
        annotations.forEach((k, v) -> list.addObject().put("key", k).putPOJO("value", v));
        return body.toString();
    }

    static String action(String code, String limits) {
        return action(code, limits, Map.of());
    }

    static void put(SimHarness sim, String name, String body) {
        Reply r = sim.guest().put("/api/v1/namespaces/_/actions/" + name + "?overwrite=true", body);
        assertEquals(200, r.status(), r.text());
    }

    /** Starts a session for an action and returns it (asserting 201). */
    static JsonNode startSession(SimHarness sim, String action) {
        Reply r = sim.guest().post(DEBUG, "{\"action\":\"" + action + "\"}");
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    static Reply setPaused(SimHarness sim, String sessionId, boolean paused) {
        return sim.guest().put(DEBUG + "/" + sessionId + "/paused", "{\"paused\":" + paused + "}");
    }

    static Reply invokeBlocking(SimHarness sim, String name, String query, String params) {
        return sim.guest().post("/api/v1/namespaces/_/actions/" + name + "?blocking=true" + query, params);
    }

    static JsonNode annotation(JsonNode record, String key) {
        for (JsonNode a : record.get("annotations")) {
            if (a.get("key").asText().equals(key)) {
                return a.get("value");
            }
        }
        return null;
    }

    static JsonNode parse(String json) {
        try {
            return SimHarness.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
