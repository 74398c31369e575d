package dev.whiskstudio.sim.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alarms feeds through the simulator, as the CLI uses them: create a trigger, invoke the feed action with
 * {@code lifecycleEvent: CREATE}, and the trigger fires its rule's action as the (test-driven) clock moves.
 */
class AlarmsFeedTest {
    @TempDir
    Path dataDir;
    MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    Simulator sim;
    SimHarness.Client guest;

    @BeforeEach
    void start() throws Exception {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0);
        sim = Simulator.start(config.withLimits(config.limits().withInvocationsPerMinute(10_000)), clock);
        guest = new SimHarness.Client(sim.apiHost(), Credential.GUEST.auth());
        guest.put("/api/v1/namespaces/_/actions/tick", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p){return {got: p}}\"}}");
        guest.put("/api/v1/namespaces/_/triggers/every-minute", "{\"annotations\":[{\"key\":\"feed\",\"value\":\"/whisk.system/alarms/interval\"}]}");
        guest.put("/api/v1/namespaces/_/rules/on-tick", "{\"trigger\":\"/_/every-minute\",\"action\":\"/_/tick\"}");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Reply feed(String feed, String params) {
        return guest.post("/api/v1/namespaces/whisk.system/actions/alarms/" + feed + "?blocking=true", params);
    }

    private long ticks() {
        return guest.get("/api/v1/namespaces/_/activations?name=tick&count=true").json().get("activations").asLong();
    }

    @Test
    void theAlarmsPackageIsThereForEveryone() {
        JsonNode pkg = guest.get("/api/v1/namespaces/whisk.system/packages/alarms").json();
        assertTrue(pkg.get("publish").asBoolean());
        assertEquals(3, pkg.get("feeds").size(), pkg.toString());
    }

    @Test
    void intervalFeedFiresTheTriggerAsTheClockMoves() {
        Reply created = feed("interval", "{\"lifecycleEvent\":\"CREATE\",\"triggerName\":\"/_/every-minute\","
                + "\"authKey\":\"" + Credential.GUEST.auth() + "\",\"minutes\":1,\"trigger_payload\":{\"n\":1},"
                + "\"startDate\":\"2026-03-01T10:01:00Z\"}");
        assertEquals(200, created.status(), created.text());
        assertEquals(0, ticks());
        clock.advance(Duration.ofMinutes(1));
        Poll.until(Duration.ofSeconds(15), "the first tick", () -> ticks() == 1);
        clock.advance(Duration.ofMinutes(1));
        Poll.until(Duration.ofSeconds(15), "the second tick", () -> ticks() == 2);
        JsonNode last = guest.get("/api/v1/namespaces/_/activations?name=tick&docs=true&limit=1").json().get(0);
        assertEquals(1, last.at("/response/result/got/n").asInt(), "the trigger payload reaches the action");

        JsonNode read = feed("interval", "{\"lifecycleEvent\":\"READ\",\"triggerName\":\"/_/every-minute\","
                + "\"authKey\":\"" + Credential.GUEST.auth() + "\"}").json().at("/response/result");
        assertEquals(1, read.at("/config/minutes").asInt(), read.toString());
        assertTrue(read.at("/status/active").asBoolean());

        assertEquals(200, feed("interval", "{\"lifecycleEvent\":\"DELETE\",\"triggerName\":\"/_/every-minute\","
                + "\"authKey\":\"" + Credential.GUEST.auth() + "\"}").status());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(2, ticks(), "nothing fires after DELETE");
    }

    @Test
    void badFeedParametersAreAnApplicationError() {
        Reply r = feed("alarm", "{\"lifecycleEvent\":\"CREATE\",\"triggerName\":\"/_/every-minute\",\"cron\":\"not a cron\"}");
        assertEquals(502, r.status());
        assertEquals("cron pattern 'not a cron' is not valid", r.json().at("/response/result/error").asText());
    }
}
