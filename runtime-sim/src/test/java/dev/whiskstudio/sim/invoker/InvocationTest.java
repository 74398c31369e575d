package dev.whiskstudio.sim.invoker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.whiskstudio.sim.invoker.Actions.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invoking actions over real HTTP with real Node processes: records, warm reuse, blocking semantics. */
class InvocationTest {
    static final Credential TEAM = Credential.parse("team", "7c7a3a0e-1f0b-4b5e-9a7e-2d2b7f1c0a11:teamsecretkey");
    @TempDir
    static Path dataDir;
    static SimHarness sim;
    static SimHarness.Client guest;

    @BeforeAll
    static void start() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK).withCredentials(List.of(Credential.GUEST, TEAM));
        config = config.withLimits(config.limits().withInvocationsPerMinute(10_000).withConcurrentInvocations(100));
        sim = new SimHarness(config);
        guest = sim.guest();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String actions(String name) {
        return "/api/v1/namespaces/_/actions/" + name;
    }

    static JsonNode annotation(JsonNode record, String key) {
        for (JsonNode a : record.get("annotations")) {
            if (a.get("key").asText().equals(key)) {
                return a.get("value");
            }
        }
        return null;
    }

    static Reply invoke(SimHarness.Client client, String name, String query, String params) {
        return client.post(actions(name) + "?blocking=true" + query, params);
    }

    @Test
    void blockingInvocationReturnsTheWholeRecord() {
        guest.put(actions("hello"), action("function main(p) { console.log('hi ' + p.name); console.error('warn');"
                + " return { greeting: 'hello ' + p.name }; }"));
        Reply r = invoke(guest, "hello", "", "{\"name\":\"ada\"}");
        assertEquals(200, r.status(), r.text());
        JsonNode rec = r.json();
        String id = rec.get("activationId").asText();
        assertTrue(id.matches("[0-9a-f]{32}"));
        assertEquals(id, r.headers().firstValue("x-openwhisk-activation-id").orElse(null));
        assertEquals("guest", rec.get("namespace").asText());
        assertEquals("hello", rec.get("name").asText());
        assertEquals("0.0.1", rec.get("version").asText());
        assertEquals("guest", rec.get("subject").asText());
        assertEquals("hello ada", rec.at("/response/result/greeting").asText());
        assertEquals("success", rec.at("/response/status").asText());
        assertTrue(rec.at("/response/success").asBoolean());
        assertTrue(rec.get("end").asLong() >= rec.get("start").asLong());
        assertEquals(rec.get("end").asLong() - rec.get("start").asLong(), rec.get("duration").asLong());
        assertEquals("guest/hello", annotation(rec, "path").asText());
        assertEquals("nodejs:20", annotation(rec, "kind").asText());
        assertFalse(annotation(rec, "timeout").asBoolean());
        assertEquals(256, annotation(rec, "limits").get("memory").asInt());
        assertNotNull(annotation(rec, "waitTime"));
        assertNotNull(annotation(rec, "initTime"), "a first activation initialises its container");
        assertEquals(0, rec.get("logs").size(), "a blocking answer comes before the logs are collected, as on the platform");

        Reply stored = Poll.until(Duration.ofSeconds(5), "the record to be stored",
                () -> guest.get("/api/v1/namespaces/_/activations/" + id), x -> x.status() == 200);
        assertEquals(rec.get("response"), stored.json().get("response"));
        List<String> logs = SimHarness.JSON.convertValue(stored.json().get("logs"), SimHarness.JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertEquals(2, logs.size(), logs.toString());
        assertTrue(logs.stream().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z stdout: hi ada")), logs.toString());
        assertTrue(logs.stream().anyMatch(l -> l.endsWith(" stderr: warn")), logs.toString());
        assertEquals(logs, SimHarness.JSON.convertValue(guest.get("/api/v1/namespaces/_/activations/" + id + "/logs").json()
                .get("logs"), SimHarness.JSON.getTypeFactory().constructCollectionType(List.class, String.class)));
    }

    @Test
    void resultOnlyAndArrayResults() {
        guest.put(actions("resonly"), action("function main(p) { return { x: p.x * 2 }; }"));
        Reply r = invoke(guest, "resonly", "&result=true", "{\"x\":21}");
        assertEquals("{\"x\":42}", r.text());
        guest.put(actions("arr"), action("function main() { return [1, 2, 3]; }"));
        assertEquals("[1,2,3]", invoke(guest, "arr", "&result=true", "{}").text(), "an array result comes back bare");
    }

    @Test
    void warmContainerKeepsModuleState() {
        guest.put(actions("counter"), action(Actions.COUNTER));
        JsonNode first = invoke(guest, "counter", "", "{}").json();
        JsonNode second = invoke(guest, "counter", "", "{}").json();
        JsonNode third = invoke(guest, "counter", "", "{}").json();
        assertEquals(1, first.at("/response/result/n").asInt());
        assertEquals(2, second.at("/response/result/n").asInt());
        assertEquals(3, third.at("/response/result/n").asInt());
        assertEquals(first.at("/response/result/pid"), third.at("/response/result/pid"));
        assertNotNull(annotation(first, "initTime"));
        assertNull(annotation(second, "initTime"), "a warm start has no initTime");
        assertNull(annotation(third, "initTime"));
    }

    @Test
    void noReuseAcrossActionsRevisionsOrNamespaces() {
        guest.put(actions("count-a"), action(Actions.COUNTER));
        guest.put(actions("count-b"), action(Actions.COUNTER));
        assertEquals(1, invoke(guest, "count-a", "&result=true", "{}").json().get("n").asInt());
        assertEquals(2, invoke(guest, "count-a", "&result=true", "{}").json().get("n").asInt());
        assertEquals(1, invoke(guest, "count-b", "&result=true", "{}").json().get("n").asInt(), "another action, another container");

        guest.put(actions("count-a") + "?overwrite=true", action(Actions.COUNTER + " // v2"));
        assertEquals(1, invoke(guest, "count-a", "&result=true", "{}").json().get("n").asInt(), "a new revision starts afresh");

        guest.put("/api/v1/namespaces/_/packages/shared", "{\"publish\":true}");
        guest.put(actions("shared/count"), action(Actions.COUNTER));
        assertEquals(1, invoke(guest, "shared/count", "&result=true", "{}").json().get("n").asInt());
        assertEquals(2, invoke(guest, "shared/count", "&result=true", "{}").json().get("n").asInt());
        Reply fromTeam = sim.as(TEAM).post("/api/v1/namespaces/guest/actions/shared/count?blocking=true&result=true", "{}");
        assertEquals(200, fromTeam.status(), fromTeam.text());
        assertEquals(1, fromTeam.json().get("n").asInt(), "a warm container is never shared across namespaces");
    }

    @Test
    void nonBlockingAnswers202AtOnceAndTheRecordFollows() {
        guest.put(actions("slowish"), action("function main() { return new Promise(r => setTimeout(() => r({done: true}), 300)); }"));
        long t0 = System.nanoTime();
        Reply r = guest.post(actions("slowish"), "{}");
        assertTrue(System.nanoTime() - t0 < Duration.ofMillis(250).toNanos(), "non-blocking does not wait for the action");
        assertEquals(202, r.status());
        String id = r.json().get("activationId").asText();
        assertEquals(id, r.headers().firstValue("x-openwhisk-activation-id").orElse(null));
        Reply rec = Poll.until(Duration.ofSeconds(10), "the record", () -> guest.get("/api/v1/namespaces/_/activations/" + id),
                x -> x.status() == 200);
        assertTrue(rec.json().at("/response/result/done").asBoolean());
    }

    @Test
    void blockingWaitPastItsTimeoutAnswers202AndTheActivationGoesOn() {
        guest.put(actions("longer"), action("function main() { return new Promise(r => setTimeout(() => r({late: true}), 1500)); }"));
        Reply r = guest.post(actions("longer") + "?blocking=true&timeout=200", "{}");
        assertEquals(202, r.status(), r.text());
        String id = r.json().get("activationId").asText();
        Reply rec = Poll.until(Duration.ofSeconds(10), "the record", () -> guest.get("/api/v1/namespaces/_/activations/" + id),
                x -> x.status() == 200);
        assertTrue(rec.json().at("/response/result/late").asBoolean());
        Reply bad = guest.post(actions("longer") + "?blocking=true&timeout=60001", "{}");
        assertEquals(400, bad.status());
        assertEquals("The query parameter 'timeout' was malformed:\nTimeout must be number of milliseconds up to 60000.", bad.error());
    }

    @Test
    void aWarmActionThatOutlivesTheBlockingWaitAnswers202ThoughItsTimeLimitIsNoLonger() {
        // its time limit equals the caller's wait, and a warm container is free: the activation runs on the request's
        // own thread, and the answer must still be the wait's 202, not the time-out record that comes just after
        guest.put(actions("hangs"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p) {"
                + " return p.hang ? new Promise(() => {}) : {ok: true}; }\"},\"limits\":{\"timeout\":300}}");
        assertEquals(200, invoke(guest, "hangs", "", "{}").status(), "warm-up");
        Reply r = invoke(guest, "hangs", "&timeout=300", "{\"hang\":true}");
        assertEquals(202, r.status(), r.text());
        String id = r.json().get("activationId").asText();
        Reply rec = Poll.until(Duration.ofSeconds(10), "the record", () -> guest.get("/api/v1/namespaces/_/activations/" + id),
                x -> x.status() == 200);
        assertEquals("The action exceeded its time limits of 300 milliseconds.", rec.json().at("/response/result/error").asText());
        assertEquals(200, invoke(guest, "hangs", "&timeout=300", "{}").status(), "a blocking call in time answers 200");
    }

    @Test
    void parametersMergePackageThenActionThenInvocation() {
        guest.put("/api/v1/namespaces/_/packages/params", "{\"parameters\":[{\"key\":\"a\",\"value\":\"pkg\"},"
                + "{\"key\":\"b\",\"value\":\"pkg\"},{\"key\":\"c\",\"value\":\"pkg\"}]}");
        guest.put(actions("params/echo"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p){return p}\"},"
                + "\"parameters\":[{\"key\":\"b\",\"value\":\"action\"},{\"key\":\"c\",\"value\":\"action\"}]}");
        JsonNode result = invoke(guest, "params/echo", "&result=true", "{\"c\":\"invocation\"}").json();
        assertEquals("pkg", result.get("a").asText());
        assertEquals("action", result.get("b").asText());
        assertEquals("invocation", result.get("c").asText());

        guest.put(actions("sealed"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p){return p}\"},"
                + "\"parameters\":[{\"key\":\"secret\",\"value\":1}],\"annotations\":[{\"key\":\"final\",\"value\":true}]}");
        Reply overriding = invoke(guest, "sealed", "", "{\"secret\":2}");
        assertEquals(400, overriding.status());
        assertEquals("Request defines parameters that are not allowed (e.g., reserved properties).", overriding.error());
        assertEquals(200, invoke(guest, "sealed", "", "{\"other\":2}").status());
    }

    @Test
    void anActivationThroughABindingNamesTheBindingBesideThePackagesPath() {
        guest.put("/api/v1/namespaces/_/packages/lib", "{\"parameters\":[{\"key\":\"a\",\"value\":\"pkg\"}]}");
        guest.put(actions("lib/echo"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p){return p}\"}}");
        guest.put("/api/v1/namespaces/_/packages/mine", "{\"binding\":{\"namespace\":\"guest\",\"name\":\"lib\"},"
                + "\"parameters\":[{\"key\":\"a\",\"value\":\"binding\"}]}");

        JsonNode bound = invoke(guest, "mine/echo", "", "{}").json();
        assertEquals("binding", bound.at("/response/result/a").asText());
        assertEquals("guest/lib/echo", annotation(bound, "path").asText(), "the path is the package's");
        assertEquals("guest/mine", annotation(bound, "binding").asText());

        JsonNode direct = invoke(guest, "lib/echo", "", "{}").json();
        assertEquals(null, annotation(direct, "binding"), "no binding, no annotation");
    }

    @Test
    void actionSeesThePlatformsEnvironment() {
        guest.put(actions("env"), action("function main() { const e = process.env; return { ns: e.__OW_NAMESPACE,"
                + " name: e.__OW_ACTION_NAME, id: e.__OW_ACTIVATION_ID, deadline: e.__OW_DEADLINE, host: e.__OW_API_HOST,"
                + " key: e.__OW_API_KEY || null, version: e.__OW_ACTION_VERSION }; }"));
        Reply r = invoke(guest, "env", "", "{}");
        JsonNode result = r.json().at("/response/result");
        assertEquals("guest", result.get("ns").asText());
        assertEquals("/guest/env", result.get("name").asText());
        assertEquals(r.json().get("activationId").asText(), result.get("id").asText());
        assertTrue(result.get("deadline").asLong() > System.currentTimeMillis());
        assertEquals(sim.sim().apiHost(), result.get("host").asText());
        assertTrue(result.get("key").isNull(), "no API key unless the action asks for one");
        assertEquals("0.0.1", result.get("version").asText());
    }

    @Test
    void missingActionIs404AndNotFoundInAnotherNamespaceIs403() {
        assertEquals(404, invoke(guest, "nothing-here", "", "{}").status());
        assertEquals(403, guest.post("/api/v1/namespaces/team/actions/x?blocking=true", "{}").status());
    }

    @Test
    void payloadOverOneMegabyteIs413() {
        guest.put(actions("big-in"), action(Actions.ECHO));
        String big = "{\"s\":\"" + "x".repeat(1024 * 1024) + "\"}";
        Reply r = invoke(guest, "big-in", "", big);
        assertEquals(413, r.status());
        assertEquals("Request larger than allowed: " + big.length() + " > 1048576 bytes.", r.error());
    }

    @Test
    void anAnsweredActivationIsReadableAtOnceWithItsLogs() {
        // the answer goes out before the record is stored, as on the platform; a read after it still finds it
        guest.put(actions("chatty"), action("function main(p) { console.log('line ' + p.i); return { i: p.i }; }"));
        for (int i = 0; i < 30; i++) {
            Reply r = invoke(guest, "chatty", "", "{\"i\":" + i + "}");
            assertEquals(200, r.status(), r.text());
            String id = r.json().get("activationId").asText();
            JsonNode logs = guest.get("/api/v1/namespaces/_/activations/" + id + "/logs").json().get("logs");
            assertEquals(1, logs.size(), logs.toString());
            assertTrue(logs.get(0).asText().endsWith("stdout: line " + i), logs.toString());
            JsonNode newest = guest.get("/api/v1/namespaces/_/activations?name=chatty&limit=1").json();
            assertEquals(id, newest.get(0).get("activationId").asText());
        }
    }

    @Test
    void everyOversizedPayloadGetsItsAnswerOnTheSameConnection() {
        // the server must read the whole body before answering, or the client sees a reset instead of the 413
        guest.put(actions("big-again"), action(Actions.ECHO));
        String big = "{\"s\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}";
        for (int i = 0; i < 15; i++) {
            Reply r = invoke(guest, "big-again", "", big);
            assertEquals(413, r.status(), "attempt " + i);
            assertEquals("Request larger than allowed: " + big.length() + " > 1048576 bytes.", r.error());
            assertEquals(200, invoke(guest, "big-again", "&result=true", "{\"n\":" + i + "}").status());
        }
    }

    @Test
    void secondActivationOfADifferentActionGetsItsOwnProcess() {
        guest.put(actions("pid-1"), action("function main() { return { pid: process.pid }; }"));
        guest.put(actions("pid-2"), action("function main() { return { pid: process.pid }; }"));
        JsonNode one = invoke(guest, "pid-1", "&result=true", "{}").json();
        JsonNode two = invoke(guest, "pid-2", "&result=true", "{}").json();
        assertNotEquals(one.get("pid"), two.get("pid"));
    }
}
