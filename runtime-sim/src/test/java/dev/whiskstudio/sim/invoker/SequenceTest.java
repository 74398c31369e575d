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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sequences over real HTTP and real Node processes: data flow, records, the first failure stopping it. */
class SequenceTest {
    @TempDir
    static Path dataDir;
    static SimHarness sim;
    static SimHarness.Client guest;

    @BeforeAll
    static void start() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK);
        sim = new SimHarness(config.withLimits(config.limits().withInvocationsPerMinute(10_000)));
        guest = sim.guest();
        guest.put("/api/v1/namespaces/_/actions/inc", action("function main(p) { console.log('inc ' + p.x); return { x: p.x + 1 }; }"));
        guest.put("/api/v1/namespaces/_/actions/dbl", action("function main(p) { return { x: p.x * 2 }; }"));
        guest.put("/api/v1/namespaces/_/actions/dec", action("function main(p) { return { x: p.x - 3 }; }"));
        guest.put("/api/v1/namespaces/_/actions/fail", action("function main(p) { return { error: 'stop at ' + p.x }; }"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static void sequence(String name, String... components) {
        StringBuilder body = new StringBuilder("{\"exec\":{\"kind\":\"sequence\",\"components\":[");
        for (int i = 0; i < components.length; i++) {
            body.append(i == 0 ? "" : ",").append("\"/_/").append(components[i]).append('"');
        }
        Reply r = guest.put("/api/v1/namespaces/_/actions/" + name + "?overwrite=true", body.append("]}}").toString());
        assertEquals(200, r.status(), r.text());
    }

    private static JsonNode annotation(JsonNode record, String key) {
        return InvocationTest.annotation(record, key);
    }

    private static JsonNode activation(String id) {
        return Poll.until(Duration.ofSeconds(10), "record " + id,
                () -> guest.get("/api/v1/namespaces/_/activations/" + id), r -> r.status() == 200).json();
    }

    @Test
    void eachResultIsTheNextInputAndTheSequenceHasItsOwnRecord() {
        sequence("calc", "inc", "dbl", "dec");
        Reply r = guest.post("/api/v1/namespaces/_/actions/calc?blocking=true", "{\"x\":1}");
        assertEquals(200, r.status(), r.text());
        JsonNode seq = r.json();
        assertEquals(1, seq.at("/response/result/x").asInt(), "((1 + 1) * 2) - 3");
        assertEquals(3, seq.get("logs").size(), "the sequence's logs are its components' ids");
        assertTrue(annotation(seq, "topmost").asBoolean());
        assertEquals("sequence", annotation(seq, "kind").asText());
        assertEquals("guest/calc", annotation(seq, "path").asText());
        long sum = 0;
        for (JsonNode id : seq.get("logs")) {
            JsonNode component = activation(id.asText());
            assertEquals(seq.get("activationId").asText(), component.get("cause").asText());
            assertEquals("sequence", annotation(component, "causedBy").asText());
            sum += component.get("duration").asLong();
        }
        assertEquals(sum, seq.get("duration").asLong(), "a sequence's duration is the sum of its components'");
        JsonNode first = activation(seq.get("logs").get(0).asText());
        assertTrue(first.get("logs").get(0).asText().endsWith("stdout: inc 1"));
        assertEquals(200, guest.get("/api/v1/namespaces/_/activations/" + seq.get("activationId").asText()).status());
    }

    @Test
    void theFirstFailureStopsTheSequence() {
        sequence("broken", "inc", "fail", "dbl");
        Reply r = guest.post("/api/v1/namespaces/_/actions/broken?blocking=true", "{\"x\":4}");
        assertEquals(502, r.status(), r.text());
        JsonNode seq = r.json();
        assertEquals("application error", seq.at("/response/status").asText());
        assertEquals("stop at 5", seq.at("/response/result/error").asText());
        assertEquals(2, seq.get("logs").size(), "the third component never ran");
    }

    @Test
    void aComponentDeletedAfterCreationFailsAtRunTime() {
        guest.put("/api/v1/namespaces/_/actions/temp", action(Actions.ECHO));
        sequence("dangling", "inc", "temp");
        guest.delete("/api/v1/namespaces/_/actions/temp");
        Reply r = guest.post("/api/v1/namespaces/_/actions/dangling?blocking=true&result=true", "{\"x\":0}");
        assertEquals(502, r.status());
        assertEquals("Sequence component does not exist.", r.json().get("error").asText());
    }

    @Test
    void nestedSequencesRecordTheirPlaceInTheTree() {
        sequence("inner", "inc", "dbl");
        sequence("outer", "inner", "dec");
        Reply r = guest.post("/api/v1/namespaces/_/actions/outer?blocking=true", "{\"x\":2}");
        JsonNode outer = r.json();
        assertEquals(3, outer.at("/response/result/x").asInt(), "((2 + 1) * 2) - 3");
        JsonNode inner = activation(outer.get("logs").get(0).asText());
        assertEquals("inner", inner.get("name").asText());
        assertFalse(annotation(inner, "topmost").asBoolean());
        assertEquals("sequence", annotation(inner, "causedBy").asText());
        assertEquals(outer.get("activationId").asText(), inner.get("cause").asText());
        assertEquals(2, inner.get("logs").size());
        assertNull(outer.get("cause"));
    }

    @Test
    void nonBlockingSequenceAnswersAtOnce() {
        sequence("async-seq", "inc", "inc");
        Reply r = guest.post("/api/v1/namespaces/_/actions/async-seq", "{\"x\":0}");
        assertEquals(202, r.status());
        JsonNode rec = activation(r.json().get("activationId").asText());
        assertEquals(2, rec.at("/response/result/x").asInt());
    }
}
