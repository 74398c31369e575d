package dev.whiskstudio.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.store.ActivationRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The activations routes over real HTTP. Records are stored directly (the invoker that makes them comes later);
 * everything read goes through the API.
 */
class ActivationApiTest {
    static final Credential TEAM = Credential.parse("team", "7c7a3a0e-1f0b-4b5e-9a7e-2d2b7f1c0a11:teamsecretkey");
    static final long T0 = 1_700_000_000_000L;
    @TempDir
    static Path dataDir;
    static SimHarness sim;
    static SimHarness.Client guest;

    @BeforeAll
    static void start() {
        sim = new SimHarness(SimConfig.defaults(dataDir, Profile.OPENWHISK).withCredentials(List.of(Credential.GUEST, TEAM)));
        guest = sim.guest();
        List<ActivationRow> rows = new ArrayList<>();
        // 40 of "hello" (one a second), 5 of "pkg/tool", 1 trigger record without an end, 1 of team's
        for (int i = 0; i < 40; i++) {
            rows.add(ActivationRow.of(record("guest", null, "hello", id(i), T0 + i * 1000L, i % 7 == 0
                    ? ActivationStatus.APPLICATION_ERROR : ActivationStatus.SUCCESS, 12)));
        }
        for (int i = 0; i < 5; i++) {
            rows.add(ActivationRow.of(record("guest", "pkg", "tool", id(100 + i), T0 + 500 + i * 1000L,
                    ActivationStatus.SUCCESS, 3)));
        }
        rows.add(ActivationRow.of(new ActivationRecord("guest", null, "trig", "0.0.1", "guest", id(200), T0 + 99_000, 0,
                false, List.of("{\"rule\":\"guest/r\"}"), ActivationStatus.SUCCESS, null, JsonNodeFactory.instance.arrayNode(), null)));
        rows.add(ActivationRow.of(record("team", null, "secret", id(300), T0, ActivationStatus.SUCCESS, 1)));
        sim.sim().activations().insertAll(rows);
    }

    static String id(int n) {
        return String.format("%032x", n + 0xabc000L);
    }

    static ActivationRecord record(String ns, String pkg, String name, String id, long start, ActivationStatus status, long duration) {
        ArrayNode annotations = JsonNodeFactory.instance.arrayNode();
        annotations.addObject().put("key", "path").put("value", ns + "/" + (pkg == null ? "" : pkg + "/") + name);
        annotations.addObject().put("key", "kind").put("value", "nodejs:20");
        annotations.addObject().put("key", "waitTime").put("value", 2);
        return new ActivationRecord(ns, pkg, name, "0.0.1", ns, id, start, start + duration, false,
                List.of("2023-11-14T22:13:20.000Z stdout: hi " + id), status,
                JsonNodeFactory.instance.objectNode().put("n", id), annotations, null);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static JsonNode list(String query) {
        Reply r = guest.get("/api/v1/namespaces/_/activations" + query);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    @Test
    void listShowsNewestFirstThirtyByDefaultAsSummaries() {
        JsonNode page = list("");
        assertEquals(30, page.size());
        assertEquals(id(200), page.get(0).get("activationId").asText(), "the trigger record started last");
        JsonNode trigger = page.get(0);
        assertFalse(trigger.has("end"), "a record without an end shows no end, duration or status code");
        assertFalse(trigger.has("statusCode"));
        JsonNode hello = page.get(1);
        assertEquals(id(39), hello.get("activationId").asText());
        assertEquals(12, hello.get("duration").asInt());
        assertEquals(0, hello.get("statusCode").asInt());
        assertFalse(hello.has("response"));
        assertFalse(hello.has("logs"));
        for (int i = 1; i < page.size(); i++) {
            assertTrue(page.get(i - 1).get("start").asLong() >= page.get(i).get("start").asLong());
        }
    }

    @Test
    void limitSkipSinceUptoAndNameFilter() {
        assertEquals(5, list("?limit=5").size());
        assertEquals(id(38), list("?limit=1&skip=2").get(0).get("activationId").asText());
        assertEquals(46, list("?limit=0").size(), "limit 0 is the largest page");
        JsonNode window = list("?since=" + (T0 + 10_000) + "&upto=" + (T0 + 12_000) + "&name=hello");
        assertEquals(3, window.size(), "since and upto are inclusive");
        JsonNode tools = list("?name=pkg/tool");
        assertEquals(5, tools.size());
        tools.forEach(t -> assertEquals("tool", t.get("name").asText()));
        assertEquals(5, list("?name=/pkg/tool").size(), "a leading slash is ignored");
        assertEquals(0, list("?name=tool").size(), "a packaged action is found by pkg/name");
        assertEquals(46, guest.get("/api/v1/namespaces/_/activations?count=true").json().get("activations").asInt());
    }

    @Test
    void docsGiveWholeRecords() {
        JsonNode docs = list("?docs=true&name=hello&limit=1");
        JsonNode rec = docs.get(0);
        assertEquals("success", rec.at("/response/status").asText());
        assertTrue(rec.at("/response/success").asBoolean());
        assertEquals(1, rec.get("logs").size());
        Reply both = guest.get("/api/v1/namespaces/_/activations?docs=true&count=true");
        assertEquals(400, both.status());
        assertEquals("The parameter 'docs' is not permitted with 'count'.", both.error());
    }

    @Test
    void getLogsAndResultOfOneActivation() {
        JsonNode rec = guest.get("/api/v1/namespaces/_/activations/" + id(7)).json();
        assertEquals("hello", rec.get("name").asText());
        assertEquals("application error", rec.at("/response/status").asText());
        assertFalse(rec.at("/response/success").asBoolean());
        assertEquals("guest", rec.get("subject").asText());
        JsonNode logs = guest.get("/api/v1/namespaces/_/activations/" + id(7) + "/logs").json();
        assertEquals("2023-11-14T22:13:20.000Z stdout: hi " + id(7), logs.at("/logs/0").asText());
        JsonNode result = guest.get("/api/v1/namespaces/_/activations/" + id(7) + "/result").json();
        assertEquals(id(7), result.at("/result/n").asText());
        assertEquals("application error", result.get("status").asText());
    }

    @Test
    void badIdsAndFiltersAreRefused() {
        Reply shortId = guest.get("/api/v1/namespaces/_/activations/abc");
        assertEquals(400, shortId.status());
        assertEquals("Activation id length is 3 but must be 32.", shortId.error());
        Reply notHex = guest.get("/api/v1/namespaces/_/activations/" + "z".repeat(32));
        assertEquals("The activation id is not valid.", notHex.error());
        Reply unknown = guest.get("/api/v1/namespaces/_/activations/" + "f".repeat(32));
        assertEquals(404, unknown.status());
        assertEquals("The requested resource does not exist.", unknown.error());
        Reply limit = guest.get("/api/v1/namespaces/_/activations?limit=201");
        assertEquals("The query parameter 'limit' was malformed:\nThe value '201' is not in the range of 0 to 200 for activations.",
                limit.error());
        Reply since = guest.get("/api/v1/namespaces/_/activations?since=yesterday");
        assertEquals("The query parameter 'since' was malformed:\nParameter is not a valid value for epoch seconds: yesterday",
                since.error());
        Reply name = guest.get("/api/v1/namespaces/_/activations?name=a/b/c");
        assertEquals("The query parameter 'name' was malformed:\nParameter may be a 'simple' name or 'package-name/simple' name: a/b/c",
                name.error());
        assertEquals(405, guest.send("DELETE", "/api/v1/namespaces/_/activations/" + id(1), null, null).status());
    }

    @Test
    void activationsAreSeenOnlyByTheirNamespace() {
        assertEquals(404, guest.get("/api/v1/namespaces/_/activations/" + id(300)).status());
        Reply other = guest.get("/api/v1/namespaces/team/activations");
        assertEquals(403, other.status());
        assertEquals("The supplied authentication is not authorized to access 'team'.", other.error());
        JsonNode teams = sim.as(TEAM).get("/api/v1/namespaces/_/activations").json();
        assertEquals(1, teams.size());
        assertEquals("secret", teams.get(0).get("name").asText());
    }
}
