package dev.whiskstudio.sim.insight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.invoker.PoolSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /sim/v1} over real HTTP against a real simulator running real Node actions: how each activation got its
 * container, the payload it was invoked with, the pool, and one namespace unable to see another's.
 */
class InsightApiTest {
    static final Credential TEAM = Credential.parse("team", "7c7a3a0e-1f0b-4b5e-9a7e-2d2b7f1c0a11:teamsecretkey");
    static final String ECHO = "function main(p) { return p; }";
    @TempDir
    static Path dataDir;
    static SimHarness sim;
    static SimHarness.Client guest;
    static SimHarness.Client team;

    @BeforeAll
    static void start() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK).withCredentials(List.of(Credential.GUEST, TEAM));
        // room for every test's containers, so the stem cells are always refilled
        config = config.withPool(config.pool().withMemoryMb(4096));
        sim = new SimHarness(config.withLimits(config.limits().withInvocationsPerMinute(10_000)));
        guest = sim.guest();
        team = sim.as(TEAM);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String action(String code, String extra) {
        return "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"" + code + "\"}" + (extra == null ? "" : "," + extra) + "}";
    }

    static void put(SimHarness.Client client, String path, String body) {
        Reply r = client.put(path + "?overwrite=true", body);
        assertEquals(200, r.status(), r.text());
    }

    static JsonNode invoke(SimHarness.Client client, String name, String payload) {
        Reply r = client.post("/api/v1/namespaces/_/actions/" + name + "?blocking=true", payload);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    static JsonNode insight(SimHarness.Client client, String id) {
        Reply r = client.get("/sim/v1/namespaces/_/activations/" + id + "/insight");
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    static JsonNode annotation(JsonNode record, String key) {
        for (JsonNode a : record.get("annotations")) {
            if (key.equals(a.get("key").asText())) {
                return a.get("value");
            }
        }
        return null;
    }

    static Set<String> stemCells() {
        PoolSnapshot pool = Poll.until(Duration.ofSeconds(20), "two prewarmed stem cells", () -> sim.sim().pool().snapshot(),
                s -> s.containers().stream().filter(c -> c.state().equals("prewarmed")).count() == 2);
        return pool.containers().stream().filter(c -> c.state().equals("prewarmed")).map(PoolSnapshot.Entry::containerId)
                .collect(Collectors.toSet());
    }

    @Test
    void infoSaysWhatThisSimulatorIs() {
        Reply r = guest.get("/sim/v1");
        assertEquals(200, r.status(), r.text());
        assertEquals("whisk-studio", r.json().get("simulator").asText());
        assertEquals("openwhisk", r.json().get("profile").asText());
        assertEquals("process", r.json().get("backend").asText());
        assertFalse(r.json().get("version").asText().isBlank());
        assertEquals(r.json(), guest.get("/sim/v1/").json());

        Reply anonymous = sim.anonymous().get("/sim/v1");
        assertEquals(401, anonymous.status());
        assertEquals("The resource requires authentication, which was not supplied with the request", anonymous.error());
        assertEquals("Basic realm=\"OpenWhisk secure realm\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, new SimHarness.Client(sim.sim().apiHost(), "nobody:wrong").get("/sim/v1/pool").status());
    }

    @Test
    void coldThenWarmThenPrewarmEachShowTheirContainer() {
        Set<String> stemCells = stemCells();
        // 128 MB: no stem cell of that size, so a new container is started
        put(guest, "/api/v1/namespaces/_/actions/small", action(ECHO, "\"limits\":{\"memory\":128}"));
        JsonNode first = invoke(guest, "small", "{}");
        JsonNode cold = insight(guest, first.get("activationId").asText());
        assertEquals(first.get("activationId").asText(), cold.get("activationId").asText());
        assertEquals("cold", cold.get("startKind").asText());
        assertFalse(stemCells.contains(cold.get("containerId").asText()), "a new container, not a stem cell");
        assertEquals(annotation(first, "initTime").asLong(), cold.get("initTime").asLong());
        assertEquals(annotation(first, "waitTime").asLong(), cold.get("waitTime").asLong());
        assertEquals(first.get("start").asLong(), cold.get("start").asLong());
        assertEquals(first.get("end").asLong(), cold.get("end").asLong());
        assertTrue(cold.get("queuedAt").asLong() <= cold.get("start").asLong());

        JsonNode second = invoke(guest, "small", "{}");
        JsonNode warm = insight(guest, second.get("activationId").asText());
        assertEquals("warm", warm.get("startKind").asText());
        assertEquals(cold.get("containerId"), warm.get("containerId"), "the same container, reused");
        assertTrue(warm.get("initTime").isNull(), "no /init for a warm container");
        assertEquals(annotation(second, "waitTime").asLong(), warm.get("waitTime").asLong());

        // 256 MB nodejs:20: a stem cell of the profile serves it
        put(guest, "/api/v1/namespaces/_/actions/regular", action(ECHO, null));
        JsonNode third = invoke(guest, "regular", "{}");
        JsonNode prewarm = insight(guest, third.get("activationId").asText());
        assertEquals("prewarm", prewarm.get("startKind").asText());
        assertTrue(stemCells.contains(prewarm.get("containerId").asText()), "one of the stem cells: " + prewarm);
        assertEquals(annotation(third, "initTime").asLong(), prewarm.get("initTime").asLong());
    }

    @Test
    void paramsAreThePayloadAsSentNotMergedWithTheActions() throws Exception {
        put(guest, "/api/v1/namespaces/_/actions/withDefaults",
                action(ECHO, "\"parameters\":[{\"key\":\"own\",\"value\":\"default\"}]"));
        String payload = "{\"a\":1,\"nested\":{\"b\":[1,2.5,{\"c\":null}],\"t\":true},\"s\":\"x\\u00e9\"}";
        JsonNode record = invoke(guest, "withDefaults", payload);
        assertEquals("default", record.at("/response/result/own").asText(), "the action got its own parameter");
        JsonNode params = insight(guest, record.get("activationId").asText()).get("params");
        assertEquals(SimHarness.JSON.readTree(payload), params);

        JsonNode none = invoke(guest, "withDefaults", "");
        assertEquals(SimHarness.JSON.createObjectNode(), insight(guest, none.get("activationId").asText()).get("params"));
    }

    @Test
    void aSequenceAndEachComponentRecordTheirOwnInput() throws Exception {
        put(guest, "/api/v1/namespaces/_/actions/inc", action("function main(p) { return { x: p.x + 1, from: 'inc' }; }", null));
        put(guest, "/api/v1/namespaces/_/actions/dbl", action("function main(p) { return { x: p.x * 2 }; }", null));
        put(guest, "/api/v1/namespaces/_/actions/calc",
                "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"/_/inc\",\"/_/dbl\"]}}");
        JsonNode seq = invoke(guest, "calc", "{\"x\":1}");
        JsonNode seqInsight = insight(guest, seq.get("activationId").asText());
        assertEquals(SimHarness.JSON.readTree("{\"x\":1}"), seqInsight.get("params"));
        assertTrue(seqInsight.get("containerId").isNull(), "a sequence runs in no container of its own");
        assertTrue(seqInsight.get("startKind").isNull());

        JsonNode firstComponent = insight(guest, seq.get("logs").get(0).asText());
        JsonNode secondComponent = insight(guest, seq.get("logs").get(1).asText());
        assertEquals(SimHarness.JSON.readTree("{\"x\":1}"), firstComponent.get("params"));
        assertEquals(SimHarness.JSON.readTree("{\"x\":2,\"from\":\"inc\"}"), secondComponent.get("params"),
                "the second component's input is the first one's result");
        assertNotNull(firstComponent.get("containerId").textValue());
    }

    @Test
    void aConductorAndEachStepRecordTheInputTheyWereGiven() throws Exception {
        put(guest, "/api/v1/namespaces/_/actions/triple", action("function main({ value }) { return { value: value * 3 } }", null));
        put(guest, "/api/v1/namespaces/_/actions/increment", action("function main({ value }) { return { value: value + 1 } }", null));
        String code = "function main(params) { let step = params.$step || 0; delete params.$step;"
                + " switch (step) { case 0: return { action: 'triple', params, state: { $step: 1 } };"
                + " case 1: return { action: 'increment', params, state: { $step: 2 } };"
                + " case 2: return { params }; } }";
        put(guest, "/api/v1/namespaces/_/actions/conducted", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":"
                + SimHarness.JSON.valueToTree(code) + "},\"annotations\":[{\"key\":\"conductor\",\"value\":true}]}");
        JsonNode primary = invoke(guest, "conducted", "{\"value\":3}");
        assertEquals(10, primary.at("/response/result/value").asInt());
        JsonNode primaryInsight = insight(guest, primary.get("activationId").asText());
        assertEquals(SimHarness.JSON.readTree("{\"value\":3}"), primaryInsight.get("params"));
        assertTrue(primaryInsight.get("containerId").isNull());

        JsonNode logs = Poll.until(Duration.ofSeconds(10), "the conductor's record",
                () -> guest.get("/api/v1/namespaces/_/activations/" + primary.get("activationId").asText()),
                r -> r.status() == 200).json().get("logs");
        String[] inputs = {"{\"value\":3}", "{\"value\":3}", "{\"value\":9,\"$step\":1}", "{\"value\":9}",
                "{\"value\":10,\"$step\":2}"};
        for (int i = 0; i < inputs.length; i++) {
            JsonNode step = insight(guest, logs.get(i).asText());
            assertEquals(SimHarness.JSON.readTree(inputs[i]), step.get("params"), "step " + i);
            assertNotNull(step.get("containerId").textValue(), "step " + i + " ran in a container");
        }
    }

    @Test
    void aTriggerRecordsItsPayloadAndTheRuleFiredActionItsMergedArguments() throws Exception {
        put(guest, "/api/v1/namespaces/_/actions/onEvent", action(ECHO, null));
        put(guest, "/api/v1/namespaces/_/triggers/evt", "{\"parameters\":[{\"key\":\"tp\",\"value\":\"from-trigger\"}]}");
        put(guest, "/api/v1/namespaces/_/rules/evtRule", "{\"trigger\":\"/_/evt\",\"action\":\"/_/onEvent\"}");
        Reply fired = guest.post("/api/v1/namespaces/_/triggers/evt", "{\"f\":2,\"tp\":\"overridden?\"}");
        assertEquals(202, fired.status(), fired.text());
        String triggerId = fired.json().get("activationId").asText();

        JsonNode triggerInsight = insight(guest, triggerId);
        assertEquals(SimHarness.JSON.readTree("{\"f\":2,\"tp\":\"overridden?\"}"), triggerInsight.get("params"));
        assertTrue(triggerInsight.get("containerId").isNull());
        assertEquals(triggerInsight.get("start"), triggerInsight.get("end"), "a trigger's record has no end");

        JsonNode triggerRecord = guest.get("/api/v1/namespaces/_/activations/" + triggerId).json();
        String actionId = SimHarness.JSON.readTree(triggerRecord.get("logs").get(0).asText()).get("activationId").asText();
        JsonNode actionRecord = Poll.until(Duration.ofSeconds(15), "the rule's activation",
                () -> guest.get("/api/v1/namespaces/_/activations/" + actionId), r -> r.status() == 200).json();
        JsonNode params = insight(guest, actionId).get("params");
        assertEquals(actionRecord.at("/response/result"), params, "the echo action returns exactly what it was invoked with");
        assertEquals(2, params.get("f").asInt());
        assertEquals("overridden?", params.get("tp").asText(), "the payload wins over the trigger's parameter");
        assertTrue(params.get("__ow_headers").isObject());
    }

    @Test
    void theListIsNewestFirstWithinSinceUptoAndLimit() {
        put(guest, "/api/v1/namespaces/_/actions/listed", action(ECHO, null));
        long before = System.currentTimeMillis();
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = invoke(guest, "listed", "{\"i\":" + i + "}").get("activationId").asText();
        }
        Reply page = guest.get("/sim/v1/namespaces/_/insight?limit=2&since=" + before);
        assertEquals(200, page.status(), page.text());
        assertEquals(2, page.json().size());
        assertEquals(ids[2], page.json().get(0).get("activationId").asText());
        assertEquals(ids[1], page.json().get(1).get("activationId").asText());
        assertEquals(1, page.json().get(1).get("params").get("i").asInt());

        long firstStart = insight(guest, ids[0]).get("start").asLong();
        JsonNode upto = guest.get("/sim/v1/namespaces/guest/insight?since=" + before + "&upto=" + firstStart).json();
        assertTrue(upto.size() >= 1);
        upto.forEach(i -> assertTrue(i.get("start").asLong() <= firstStart));
        assertTrue(guest.get("/sim/v1/namespaces/_/insight").json().size() >= 3, "limit defaults to 1000");
    }

    @Test
    void anotherNamespacesKeySeesNothingOfThisOne() {
        put(guest, "/api/v1/namespaces/_/actions/mine", action(ECHO, null));
        String id = invoke(guest, "mine", "{\"secret\":1}").get("activationId").asText();

        Reply foreignOne = team.get("/sim/v1/namespaces/guest/activations/" + id + "/insight");
        assertEquals(403, foreignOne.status(), foreignOne.text());
        assertEquals("The supplied authentication is not authorized to access 'guest'.", foreignOne.error());
        assertEquals(403, team.get("/sim/v1/namespaces/guest/insight").status());
        Reply ownNamespace = team.get("/sim/v1/namespaces/team/activations/" + id + "/insight");
        assertEquals(404, ownNamespace.status(), "not in the team's namespace");
        assertEquals("The requested resource does not exist.", ownNamespace.error());
        assertEquals(0, team.get("/sim/v1/namespaces/_/insight").json().size());

        JsonNode poolForGuest = guest.get("/sim/v1/pool").json();
        JsonNode poolForTeam = team.get("/sim/v1/pool").json();
        assertEquals(poolForGuest.get("containers").size(), poolForTeam.get("containers").size(),
                "every container takes capacity, so every one is listed");
        assertTrue(stream(poolForGuest).anyMatch(c -> "guest/mine".equals(c.get("action").asText())));
        assertTrue(stream(poolForTeam).allMatch(c -> c.get("namespace").isNull() && c.get("action").isNull()),
                "whose they are is not shown: " + poolForTeam);
    }

    @Test
    void thePoolShowsEachContainerWithItsStateAndMemory() {
        put(guest, "/api/v1/namespaces/_/actions/pooled", action(ECHO, "\"limits\":{\"memory\":128}"));
        String id = invoke(guest, "pooled", "{}").get("activationId").asText();
        String containerId = insight(guest, id).get("containerId").asText();
        JsonNode pool = guest.get("/sim/v1/pool").json();
        assertEquals(sim.sim().config().pool().memoryMb(), pool.get("capacityMb").asInt());
        int sum = 0;
        for (JsonNode c : pool.get("containers")) {
            sum += c.get("memoryMb").asInt();
        }
        assertEquals(sum, pool.get("usedMb").asInt());
        assertEquals(0, pool.get("queued").asInt());
        JsonNode mine = stream(pool).filter(c -> containerId.equals(c.get("containerId").asText())).findFirst().orElseThrow();
        assertEquals("guest/pooled", mine.get("action").asText());
        assertEquals("guest", mine.get("namespace").asText());
        assertEquals("nodejs:20", mine.get("kind").asText());
        assertEquals(128, mine.get("memoryMb").asInt());
        assertTrue(Set.of("warm", "paused").contains(mine.get("state").asText()), mine.toString());
        assertEquals(0, mine.get("active").asInt());
        assertTrue(mine.get("lastUsed").asLong() <= System.currentTimeMillis());
        assertTrue(mine.get("lastUsed").asLong() >= insight(guest, id).get("start").asLong() - 50);
        assertTrue(mine.get("name").asText().startsWith("wsk-"));
    }

    @Test
    void badRequestsGetThePlatformsAnswersNeverA500() {
        assertError(guest.get("/sim/v1/namespaces/_/activations/abc/insight"), 400,
                "Activation id length is 3 but must be 32.");
        assertError(guest.get("/sim/v1/namespaces/_/activations/" + "Z".repeat(32) + "/insight"), 400,
                "The activation id is not valid.");
        assertError(guest.get("/sim/v1/namespaces/_/activations/" + "0".repeat(32) + "/insight"), 404,
                "The requested resource does not exist.");
        assertError(guest.get("/sim/v1/namespaces/b%24d/insight"), 400, "The namespace contains illegal characters.");
        assertError(guest.get("/sim/v1/namespaces/_/insight?limit=10001"), 400,
                "The query parameter 'limit' was malformed:\nThe value '10001' is not in the range of 0 to 10000 for insight.");
        assertError(guest.get("/sim/v1/namespaces/_/insight?limit=many"), 400,
                "The query parameter 'limit' was malformed:\nThe value 'many' is not an integer for insight.");
        assertError(guest.get("/sim/v1/namespaces/_/insight?since=-5"), 400,
                "The query parameter 'since' was malformed:\nParameter is not a valid value for epoch seconds: -5");
        assertError(guest.get("/sim/v1/namespaces/_/insight?upto=soon"), 400,
                "The query parameter 'upto' was malformed:\nParameter is not a valid value for epoch seconds: soon");
        assertError(guest.get("/sim/v1/nothing-here"), 404, "The requested resource could not be found.");
        for (String method : List.of("POST", "PUT", "DELETE")) {
            Reply r = guest.send(method, "/sim/v1/pool", "{}", "application/json");
            assertTrue(r.status() == 404 || r.status() == 405, method + ": " + r);
        }
        assertEquals(403, guest.get("/sim/v1/events?ns=team").status());
    }

    private static void assertError(Reply r, int status, String message) {
        assertEquals(status, r.status(), r.text());
        assertEquals(message, r.error());
        assertEquals(32, r.json().get("code").asText().length(), "the platform's transaction id");
    }

    static java.util.stream.Stream<JsonNode> containers(JsonNode pool) {
        return stream(pool);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode pool) {
        return java.util.stream.StreamSupport.stream(pool.get("containers").spliterator(), false);
    }
}
