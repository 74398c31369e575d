package dev.whiskstudio.sim.invoker;

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
import java.time.Duration;
import java.util.List;

import static dev.whiskstudio.sim.invoker.Actions.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Actions that misbehave get the platform's status and message; their container is replaced and the simulator and
 * every other activation carry on.
 */
class FaultTest {
    @TempDir
    static Path dataDir;
    static SimHarness sim;

    @BeforeAll
    static void start() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK)
                .withPool(new PoolConfig(2048, List.of(), Duration.ofSeconds(30), Duration.ofMinutes(10)));
        config = config.withLimits(config.limits().withInvocationsPerMinute(10_000).withConcurrentInvocations(100));
        sim = new SimHarness(config);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Reply run(String name, String code, String limits) {
        sim.guest().put("/api/v1/namespaces/_/actions/" + name + "?overwrite=true", action(code, limits));
        return sim.guest().post("/api/v1/namespaces/_/actions/" + name + "?blocking=true", "{}");
    }

    private static void assertFailure(Reply r, int statusCode, String status, String error) {
        assertEquals(502, r.status(), r.text());
        JsonNode rec = r.json();
        assertEquals(status, rec.at("/response/status").asText(), r.text());
        assertEquals(error, rec.at("/response/result/error").asText(), r.text());
        assertEquals(statusCode, switch (status) {
            case "application error" -> 1;
            case "action developer error" -> 2;
            default -> 3;
        });
    }

    @Test
    void returnedErrorIsAnApplicationErrorAndKeepsTheContainer() {
        Reply r = run("app-error", "let n = 0; function main() { n++; return { error: 'nope ' + n }; }", null);
        assertFailure(r, 1, "application error", "nope 1");
        Reply again = sim.guest().post("/api/v1/namespaces/_/actions/app-error?blocking=true", "{}");
        assertEquals("nope 2", again.json().at("/response/result/error").asText(), "the container stayed warm");
    }

    @Test
    void rejectedPromiseIsAnApplicationError() {
        Reply r = run("rejects", "function main() { return Promise.reject({ reason: 'bad' }); }", null);
        assertEquals(502, r.status());
        assertEquals("application error", r.json().at("/response/status").asText());
    }

    @Test
    void thrownExceptionIsADeveloperErrorAndReplacesTheContainer() {
        String code = "let n = 0; function main(p) { n++; if (p.fail) throw new Error('boom'); return { n }; }";
        sim.guest().put("/api/v1/namespaces/_/actions/throws", action(code, null));
        assertEquals(1, sim.guest().post("/api/v1/namespaces/_/actions/throws?blocking=true&result=true", "{}").json().get("n").asInt());
        Reply r = sim.guest().post("/api/v1/namespaces/_/actions/throws?blocking=true", "{\"fail\":true}");
        assertEquals(502, r.status());
        assertEquals("action developer error", r.json().at("/response/status").asText());
        assertEquals("An error has occurred: Error: boom", r.json().at("/response/result/error").asText(), r.text());
        Reply next = sim.guest().post("/api/v1/namespaces/_/actions/throws?blocking=true&result=true", "{}");
        assertEquals(1, next.json().path("n").asInt(), "a new container: module state starts over: " + next);
    }

    @Test
    void nonObjectResultIsADeveloperError() {
        assertFailure(run("number", "function main() { return 42; }", null), 2, "action developer error",
                "The action did not return a dictionary.");
    }

    @Test
    void resultThatIsNotJsonIsADeveloperError() {
        Reply r = run("bigint", "function main() { return { n: 10n }; }", null);
        assertEquals(502, r.status(), r.text());
        assertEquals("action developer error", r.json().at("/response/status").asText());
        assertTrue(r.json().at("/response/result/error").asText().startsWith("An error has occurred: TypeError"), r.text());
    }

    @Test
    void processExitIsADeveloperError() {
        assertFailure(run("exits", "function main() { process.exit(3); }", null), 2, "action developer error",
                "The action did not produce a valid response and exited unexpectedly.");
    }

    @Test
    void infiniteLoopTimesOutAndTheContainerIsReplaced() {
        Reply r = run("loops", "function main() { while (true) {} }", "{\"timeout\":500}");
        assertFailure(r, 2, "action developer error", "The action exceeded its time limits of 500 milliseconds.");
        assertTrue(InvocationTest.annotation(r.json(), "timeout").asBoolean());
        assertTrue(r.json().get("duration").asLong() >= 500);
        Reply echo = run("after-loop", Actions.ECHO, null);
        assertEquals(200, echo.status(), "the simulator carries on");
    }

    @Test
    void initFailureIsReported() {
        Reply syntax = run("syntax", "function main( {", null);
        assertEquals(502, syntax.status());
        assertEquals("action developer error", syntax.json().at("/response/status").asText());
        assertTrue(syntax.json().at("/response/result/error").asText().startsWith("Initialization has failed due to:"), syntax.text());
        Reply slowInit = run("slow-init", "const end = Date.now() + 2000; while (Date.now() < end) {} function main() { return {}; }",
                "{\"timeout\":300}");
        assertFailure(slowInit, 2, "action developer error",
                "The action exceeded its time limits of 300 milliseconds during initialization.");
    }

    @Test
    void unboundedAllocationExhaustsMemory() {
        Reply r = run("hog", "function main() { const keep = []; while (true) { keep.push(new Array(1e6).fill(Math.random())); } }",
                "{\"memory\":128,\"timeout\":20000}");
        assertFailure(r, 2, "action developer error", "The action exhausted its memory and was aborted.");
        assertEquals(200, run("after-hog", Actions.ECHO, null).status());
    }

    @Test
    void resultOverOneMegabyteIsAnApplicationError() {
        Reply r = run("big-out", "function main() { return { s: 'x'.repeat(1100000) }; }", null);
        assertEquals(502, r.status());
        assertEquals("application error", r.json().at("/response/status").asText());
        assertTrue(r.json().at("/response/result/error").asText().matches(
                "The action produced a response that exceeded the allowed length: \\d+ > 1048576 bytes\\."), r.text());
    }

    @Test
    void fiftyMegabytesOfLogsAreCutAtTheLimit() {
        Reply r = run("chatty", "function main() { const line = 'y'.repeat(1000); for (let i = 0; i < 50000; i++) console.log(line);"
                + " return { done: true }; }", "{\"logs\":1,\"timeout\":60000}");
        assertEquals(200, r.status(), r.status() + " " + r.text().substring(0, Math.min(300, r.text().length())));
        String id = r.json().get("activationId").asText();
        JsonNode logs = dev.whiskstudio.sim.Poll.until(Duration.ofSeconds(10), "the record",
                () -> sim.guest().get("/api/v1/namespaces/_/activations/" + id + "/logs"), x -> x.status() == 200)
                .json().get("logs");
        assertEquals("Logs were truncated because the total bytes size exceeds the limit of 1048576 bytes.",
                logs.get(logs.size() - 1).asText());
        assertTrue(logs.size() < 1100, "about 1 MB of lines were kept: " + logs.size());
        Reply again = sim.guest().post("/api/v1/namespaces/_/actions/chatty?blocking=true", "{}");
        assertEquals(200, again.status());
    }

    @Test
    void otherActivationsCarryOnWhileOneLoops() {
        sim.guest().put("/api/v1/namespaces/_/actions/spin?overwrite=true", action("function main() { while (true) {} }",
                "{\"timeout\":3000}"));
        Reply spinning = sim.guest().post("/api/v1/namespaces/_/actions/spin", "{}");
        assertEquals(202, spinning.status());
        Reply echo = run("meanwhile", "function main() { return { ok: true }; }", null);
        assertEquals(200, echo.status());
        assertNotEquals(0, echo.json().get("duration").asLong() + 1);
    }
}
