package dev.whiskstudio.sim.invoker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.Poll;
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

import static dev.whiskstudio.sim.invoker.Actions.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conductor actions, with the platform's own example (tripleAndIncrement) and its failure modes. */
class ConductorTest {
    @TempDir
    static Path dataDir;
    static SimHarness sim;
    static SimHarness.Client guest;

    @BeforeAll
    static void start() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK);
        sim = new SimHarness(config.withLimits(config.limits().withInvocationsPerMinute(10_000)));
        guest = sim.guest();
        guest.put("/api/v1/namespaces/_/actions/triple", action("function main({ value }) { return { value: value * 3 } }"));
        guest.put("/api/v1/namespaces/_/actions/increment", action("function main({ value }) { return { value: value + 1 } }"));
        conductor("tripleAndIncrement", "function main(params) { let step = params.$step || 0; delete params.$step;"
                + " switch (step) { case 0: return { action: 'triple', params, state: { $step: 1 } };"
                + " case 1: return { action: 'increment', params, state: { $step: 2 } };"
                + " case 2: return { params }; } }");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static void conductor(String name, String code) {
        Reply r = guest.put("/api/v1/namespaces/_/actions/" + name + "?overwrite=true", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":"
                + SimHarness.JSON.valueToTree(code) + "},\"annotations\":[{\"key\":\"conductor\",\"value\":true}]}");
        assertEquals(200, r.status(), r.text());
    }

    static JsonNode activation(String id) {
        return Poll.until(Duration.ofSeconds(10), "record " + id,
                () -> guest.get("/api/v1/namespaces/_/activations/" + id), r -> r.status() == 200).json();
    }

    @Test
    void thePlatformsExampleRunsAndRecordsTheWholeTree() {
        Reply r = guest.post("/api/v1/namespaces/_/actions/tripleAndIncrement?blocking=true", "{\"value\":3}");
        assertEquals(200, r.status(), r.text());
        JsonNode primary = r.json();
        assertEquals(10, primary.at("/response/result/value").asInt());
        assertEquals(true, InvocationTest.annotation(primary, "conductor").asBoolean());
        assertEquals("sequence", InvocationTest.annotation(primary, "kind").asText());
        JsonNode logs = activation(primary.get("activationId").asText()).get("logs");
        assertEquals(5, logs.size(), "three secondary conductor activations and two components");
        String[] expected = {"tripleAndIncrement", "triple", "tripleAndIncrement", "increment", "tripleAndIncrement"};
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            JsonNode derived = activation(logs.get(i).asText());
            assertEquals(expected[i], derived.get("name").asText());
            assertEquals(primary.get("activationId").asText(), derived.get("cause").asText());
            assertEquals("sequence", InvocationTest.annotation(derived, "causedBy").asText());
            sum += derived.get("duration").asLong();
        }
        assertEquals(sum, primary.get("duration").asLong());
    }

    @Test
    void anErrorFromTheConductorEndsTheComposition() {
        conductor("gives-up", "function main() { return { error: 'no plan' }; }");
        Reply r = guest.post("/api/v1/namespaces/_/actions/gives-up?blocking=true&result=true", "{}");
        assertEquals(502, r.status());
        assertEquals("no plan", r.json().get("error").asText());
    }

    @Test
    void anUnknownComponentComesBackToTheConductorAsAnError() {
        conductor("lost", "function main(p) { if (p.error) return { params: { saw: p.error, kept: p.kept } };"
                + " return { action: 'nowhere', params: {}, state: { kept: 'yes' } }; }");
        Reply r = guest.post("/api/v1/namespaces/_/actions/lost?blocking=true&result=true", "{}");
        assertEquals(200, r.status(), r.text());
        assertEquals("Failed to resolve action with name 'guest/nowhere' during composition.", r.json().get("saw").asText());
        assertEquals("yes", r.json().get("kept").asText(), "the state is added to the conductor's next input");
    }

    @Test
    void nonDictionaryParamsAreBoxed() {
        conductor("boxer", "function main(p) { if (p.$done) return { params: p.value * 2 };"
                + " return { action: 'increment', params: { value: 20 }, state: { $done: true } }; }");
        Reply r = guest.post("/api/v1/namespaces/_/actions/boxer?blocking=true&result=true", "{}");
        assertEquals(42, r.json().get("value").asInt());
        assertTrue(r.json().isObject());
    }
}
