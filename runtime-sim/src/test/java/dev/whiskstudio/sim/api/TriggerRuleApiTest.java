package dev.whiskstudio.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Triggers and rules over real HTTP: the rules map, status changes and the platform's rule errors. */
class TriggerRuleApiTest {
    private static final String CODE = "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p){return p}\"}}";
    @TempDir
    static Path dataDir;
    static SimHarness sim;
    static SimHarness.Client guest;

    @BeforeAll
    static void start() {
        sim = new SimHarness(SimConfig.defaults(dataDir, Profile.OPENWHISK));
        guest = sim.guest();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String triggers(String name) {
        return "/api/v1/namespaces/_/triggers/" + name;
    }

    private static String rules(String name) {
        return "/api/v1/namespaces/_/rules/" + name;
    }

    @Test
    void triggerLifecycle() {
        Reply created = guest.put(triggers("t1"), "{\"parameters\":[{\"key\":\"x\",\"value\":1}]}");
        assertEquals(200, created.status(), created.text());
        assertEquals("{}", created.json().get("limits").toString());
        assertFalse(created.json().has("rules"), "no rules until one refers to it");
        assertEquals(409, guest.put(triggers("t1"), "{}").status());
        Reply updated = guest.put(triggers("t1") + "?overwrite=true", "{\"annotations\":[{\"key\":\"feed\",\"value\":\"x\"}]}");
        assertEquals("0.0.2", updated.json().get("version").asText());
        assertEquals(1, updated.json().get("parameters").size());
        JsonNode list = guest.get("/api/v1/namespaces/_/triggers").json();
        assertTrue(list.toString().contains("\"t1\""));
        assertFalse(list.get(0).has("parameters"), "the list shows metadata only");
        assertEquals(200, guest.delete(triggers("t1")).status());
        assertEquals(404, guest.get(triggers("t1")).status());
    }

    @Test
    void ruleLifecycleWithStatus() {
        guest.put(triggers("t2"), "{}");
        guest.put("/api/v1/namespaces/_/actions/a2", CODE);
        Reply created = guest.put(rules("r2"), "{\"trigger\":\"/_/t2\",\"action\":\"/_/a2\"}");
        assertEquals(200, created.status(), created.text());
        JsonNode r = created.json();
        assertEquals("active", r.get("status").asText());
        assertEquals("{\"path\":\"guest\",\"name\":\"t2\"}", r.get("trigger").toString());
        assertEquals("{\"path\":\"guest\",\"name\":\"a2\"}", r.get("action").toString());

        JsonNode trigger = guest.get(triggers("t2")).json();
        assertEquals("active", trigger.at("/rules/guest~1r2/status").asText());
        assertEquals("a2", trigger.at("/rules/guest~1r2/action/name").asText());

        Reply disable = guest.post(rules("r2"), "{\"status\":\"inactive\"}");
        assertEquals(200, disable.status());
        assertEquals("OK", disable.text());
        assertEquals("inactive", guest.get(rules("r2")).json().get("status").asText());
        assertEquals(200, guest.post(rules("r2"), "{\"status\":\"inactive\"}").status(), "setting the same status is fine");
        guest.post(rules("r2"), "{\"status\":\"active\"}");
        assertEquals("active", guest.get(rules("r2")).json().get("status").asText());

        Reply bad = guest.post(rules("r2"), "{\"status\":\"paused\"}");
        assertEquals(400, bad.status());
        assertEquals("The request content was malformed:\nrequirement failed: paused is not a recognized rule state", bad.error());

        JsonNode listed = guest.get("/api/v1/namespaces/_/rules").json();
        assertFalse(listed.get(0).has("status"), "the platform's rule list carries no status");
        assertEquals("t2", listed.get(0).at("/trigger/name").asText());

        Reply deleted = guest.delete(rules("r2"));
        assertEquals(200, deleted.status(), "an active rule may be deleted");
        assertEquals("inactive", deleted.json().get("status").asText());
    }

    @Test
    void ruleWithMissingPartsIsRefused() {
        guest.put(triggers("t3"), "{}");
        guest.put("/api/v1/namespaces/_/actions/a3", CODE);
        Reply noTrigger = guest.put(rules("r3"), "{\"trigger\":\"/_/none\",\"action\":\"/_/a3\"}");
        assertEquals(400, noTrigger.status());
        assertEquals("trigger /guest/none does not exist", noTrigger.error());
        Reply noAction = guest.put(rules("r3"), "{\"trigger\":\"/_/t3\",\"action\":\"/_/none\"}");
        assertEquals("action /guest/none does not exist", noAction.error());
        Reply neither = guest.put(rules("r3"), "{}");
        assertEquals("rule requires a valid trigger and a valid action", neither.error());
        Reply bare = guest.put(rules("r3"), "{\"trigger\":\"t3\",\"action\":\"a3\"}");
        assertEquals("The request content was malformed:\nrequirement failed: The fully qualified name of the entity must contain at least the namespace and the name of the entity.",
                bare.error());
    }

    @Test
    void ruleOfADeletedTriggerIsInactiveAndCannotBeEnabled() {
        guest.put(triggers("t4"), "{}");
        guest.put("/api/v1/namespaces/_/actions/a4", CODE);
        guest.put(rules("r4"), "{\"trigger\":\"/_/t4\",\"action\":\"/_/a4\"}");
        guest.delete(triggers("t4"));
        assertEquals("inactive", guest.get(rules("r4")).json().get("status").asText());
        Reply enable = guest.post(rules("r4"), "{\"status\":\"active\"}");
        assertEquals(404, enable.status());
        assertEquals("Only rules with existing triggers can be activated", enable.error());
    }

    @Test
    void firingWithoutAnActiveRuleDoesNothing() {
        guest.put(triggers("t5"), "{}");
        Reply r = guest.post(triggers("t5"), "{}");
        assertEquals(204, r.status());
        assertEquals("", r.text());
    }

    @Test
    void firingRunsEachActiveRulesActionAndRecordsTheOutcome() {
        guest.put(triggers("t6"), "{\"parameters\":[{\"key\":\"from\",\"value\":\"trigger\"},{\"key\":\"x\",\"value\":1}]}");
        guest.put("/api/v1/namespaces/_/actions/a6", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":"
                + "\"function main(p) { return { from: p.from, x: p.x, agent: p.__ow_headers['x-test'] }; }\"}}");
        guest.put("/api/v1/namespaces/_/actions/b6", CODE);
        guest.put(rules("r6"), "{\"trigger\":\"/_/t6\",\"action\":\"/_/a6\"}");
        guest.put(rules("off6"), "{\"trigger\":\"/_/t6\",\"action\":\"/_/b6\"}");
        guest.post(rules("off6"), "{\"status\":\"inactive\"}");

        Reply fired = guest.send("POST", triggers("t6"), "{\"x\":2}", "application/json", b -> b.header("X-Test", "yes"));
        assertEquals(202, fired.status(), fired.text());
        String triggerId = fired.json().get("activationId").asText();
        assertEquals(triggerId, fired.headers().firstValue("x-openwhisk-activation-id").orElse(null));

        JsonNode record = dev.whiskstudio.sim.Poll.until(java.time.Duration.ofSeconds(10), "the trigger's record",
                () -> guest.get("/api/v1/namespaces/_/activations/" + triggerId), x -> x.status() == 200).json();
        assertEquals("t6", record.get("name").asText());
        assertFalse(record.has("end"), "a trigger's record has no end");
        assertEquals(2, record.at("/response/result/x").asInt(), "its result is the payload");
        JsonNode active = null;
        JsonNode inactive = null;
        for (JsonNode line : record.get("logs")) {
            JsonNode parsed = dev.whiskstudio.sim.SimHarness.JSON.valueToTree(parse(line.asText()));
            if (parsed.get("rule").asText().equals("guest/r6")) {
                active = parsed;
            } else {
                inactive = parsed;
            }
        }
        assertEquals("guest/a6", active.get("action").asText());
        assertEquals(0, active.get("statusCode").asInt());
        assertTrue(active.get("success").asBoolean());
        assertEquals("Rule 'guest/off6' is inactive, action 'guest/b6' was not activated.", inactive.get("error").asText());
        assertFalse(inactive.get("success").asBoolean());

        String actionId = active.get("activationId").asText();
        JsonNode action = dev.whiskstudio.sim.Poll.until(java.time.Duration.ofSeconds(10), "the action's record",
                () -> guest.get("/api/v1/namespaces/_/activations/" + actionId), x -> x.status() == 200).json();
        assertEquals("trigger", action.at("/response/result/from").asText());
        assertEquals(2, action.at("/response/result/x").asInt(), "the payload wins over the trigger's parameters");
        assertEquals("yes", action.at("/response/result/agent").asText(), "the action sees the request's headers");
    }

    private static JsonNode parse(String text) {
        try {
            return dev.whiskstudio.sim.SimHarness.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
