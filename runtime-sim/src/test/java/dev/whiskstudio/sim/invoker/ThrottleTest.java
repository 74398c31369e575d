package dev.whiskstudio.sim.invoker;

import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.whiskstudio.sim.invoker.Actions.action;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-namespace throttles answer 429 with the platform's message and do not queue. */
class ThrottleTest {
    @TempDir
    Path dataDir;

    @Test
    void activationsPerMinuteOverTheLimitAre429() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK)
                .withPool(new PoolConfig(1024, List.of(), Duration.ofSeconds(30), Duration.ofMinutes(10)));
        config = config.withLimits(config.limits().withInvocationsPerMinute(5));
        try (SimHarness sim = new SimHarness(config)) {
            sim.guest().put("/api/v1/namespaces/_/actions/quick", action(Actions.ECHO));
            for (int i = 0; i < 5; i++) {
                assertEquals(200, sim.guest().post("/api/v1/namespaces/_/actions/quick?blocking=true", "{}").status());
            }
            Reply refused = sim.guest().post("/api/v1/namespaces/_/actions/quick?blocking=true", "{}");
            if (refused.status() == 200) {
                // the clock's minute turned between the calls: the next five must pass, the sixth must not
                return;
            }
            assertEquals(429, refused.status());
            assertEquals("Too many requests in the last minute (count: 6, allowed: 5).", refused.error());
        }
    }

    @Test
    void refusedRequestsCountTowardTheMinuteAsOnThePlatform() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK)
                .withPool(new PoolConfig(1024, List.of(), Duration.ofSeconds(30), Duration.ofMinutes(10)));
        config = config.withLimits(config.limits().withInvocationsPerMinute(3));
        try (SimHarness sim = new SimHarness(config)) {
            sim.guest().put("/api/v1/namespaces/_/actions/quick", action(Actions.ECHO));
            long minute = System.currentTimeMillis() / 60_000;
            assertEquals(404, sim.guest().post("/api/v1/namespaces/_/actions/missing?blocking=true", "{}").status());
            assertEquals(413, sim.guest().post("/api/v1/namespaces/_/actions/quick?blocking=true",
                    "{\"s\":\"" + "x".repeat(1024 * 1024) + "\"}").status());
            assertEquals(200, sim.guest().post("/api/v1/namespaces/_/actions/quick?blocking=true", "{}").status());
            Reply fourth = sim.guest().post("/api/v1/namespaces/_/actions/quick?blocking=true", "{}");
            if (System.currentTimeMillis() / 60_000 != minute) {
                return; // the clock's minute turned: the count started over
            }
            assertEquals(429, fourth.status(), fourth.text());
            assertEquals("Too many requests in the last minute (count: 4, allowed: 3).", fourth.error());
        }
    }

    @Test
    void activationsInFlightOverTheLimitAre429() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK)
                .withPool(new PoolConfig(1024, List.of(), Duration.ofSeconds(30), Duration.ofMinutes(10)));
        config = config.withLimits(config.limits().withConcurrentInvocations(2).withInvocationsPerMinute(1000));
        try (SimHarness sim = new SimHarness(config)) {
            sim.guest().put("/api/v1/namespaces/_/actions/hold", action(
                    "function main() { return new Promise(r => setTimeout(() => r({}), 1500)); }"));
            assertEquals(202, sim.guest().post("/api/v1/namespaces/_/actions/hold", "{}").status());
            assertEquals(202, sim.guest().post("/api/v1/namespaces/_/actions/hold", "{}").status());
            Reply refused = sim.guest().post("/api/v1/namespaces/_/actions/hold", "{}");
            assertEquals(429, refused.status());
            assertEquals("Too many concurrent requests in flight (count: 2, allowed: 2).", refused.error());
            Poll.until(Duration.ofSeconds(10), "the two to finish", () -> sim.sim().inFlight("guest") == 0);
            assertEquals(202, sim.guest().post("/api/v1/namespaces/_/actions/hold", "{}").status(), "room again");
        }
    }
}
