package dev.whiskstudio.sim.invoker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.whiskstudio.sim.invoker.Actions.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The container pool's decisions, seen through the API and the pool's snapshot, with real Node processes. */
class PoolBehaviourTest {
    @TempDir
    Path dataDir;

    private SimHarness start(PoolConfig pool) {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK).withPool(pool);
        config = config.withLimits(config.limits().withInvocationsPerMinute(10_000).withConcurrentInvocations(100));
        return new SimHarness(config);
    }

    private static PoolConfig pool(int memoryMb, List<PoolConfig.Prewarm> prewarm, long pauseMs, long idleMs) {
        return new PoolConfig(memoryMb, prewarm, Duration.ofMillis(pauseMs), Duration.ofMillis(idleMs));
    }

    private static long count(PoolSnapshot s, String state) {
        return s.containers().stream().filter(c -> c.state().equals(state)).count();
    }

    private static JsonNode invoke(SimHarness sim, String name) {
        Reply r = sim.guest().post("/api/v1/namespaces/_/actions/" + name + "?blocking=true", "{}");
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private static JsonNode annotation(JsonNode record, String key) {
        return InvocationTest.annotation(record, key);
    }

    @Test
    void prewarmContainerServesTheFirstActivationAndIsRefilled() {
        try (SimHarness sim = start(pool(1024, List.of(new PoolConfig.Prewarm("nodejs:20", 256, 1)), 10_000, 600_000))) {
            PoolSnapshot ready = Poll.until(Duration.ofSeconds(15), "a prewarmed container", () -> sim.sim().pool().snapshot(),
                    s -> count(s, "prewarmed") == 1);
            String stemCell = ready.containers().get(0).containerId();
            sim.guest().put("/api/v1/namespaces/_/actions/pw", action(Actions.COUNTER));
            JsonNode rec = invoke(sim, "pw");
            assertNotNull(annotation(rec, "initTime"), "a prewarm start is initialised");
            PoolSnapshot after = Poll.until(Duration.ofSeconds(15), "the stem cell to be refilled",
                    () -> sim.sim().pool().snapshot(), s -> count(s, "prewarmed") == 1 && count(s, "warm") == 1);
            PoolSnapshot.Entry warm = after.containers().stream().filter(c -> c.state().equals("warm")).findFirst().orElseThrow();
            assertEquals(stemCell, warm.containerId(), "the stem cell became the action's container");
            assertEquals("guest/pw", warm.action());
            assertEquals(512, after.usedMb());
        }
    }

    @Test
    void coldStartWithoutPrewarm() {
        try (SimHarness sim = start(pool(1024, List.of(), 10_000, 600_000))) {
            sim.guest().put("/api/v1/namespaces/_/actions/cold", action(Actions.COUNTER));
            JsonNode rec = invoke(sim, "cold");
            assertNotNull(annotation(rec, "initTime"));
            assertEquals(1, sim.sim().pool().snapshot().containers().size());
            assertNull(annotation(invoke(sim, "cold"), "initTime"));
        }
    }

    @Test
    void idleContainersArePausedThenRemoved() {
        try (SimHarness sim = start(pool(1024, List.of(), 200, 1500))) {
            sim.guest().put("/api/v1/namespaces/_/actions/idle", action(Actions.COUNTER));
            invoke(sim, "idle");
            Poll.until(Duration.ofSeconds(5), "the container to be paused", () -> sim.sim().pool().snapshot(),
                    s -> count(s, "paused") == 1);
            JsonNode warmAgain = invoke(sim, "idle");
            assertEquals(2, warmAgain.at("/response/result/n").asInt(), "a paused container resumes with its state");
            Poll.until(Duration.ofSeconds(10), "the container to be removed", () -> sim.sim().pool().snapshot(),
                    s -> s.containers().isEmpty() && s.usedMb() == 0);
            assertEquals(1, invoke(sim, "idle").at("/response/result/n").asInt(), "after removal it starts cold");
        }
    }

    @Test
    void leastRecentlyUsedIdleContainerIsEvictedWhenMemoryRunsOut() {
        try (SimHarness sim = start(pool(512, List.of(), 60_000, 600_000))) {
            for (String name : List.of("ev-a", "ev-b", "ev-c")) {
                sim.guest().put("/api/v1/namespaces/_/actions/" + name, action(Actions.COUNTER));
            }
            invoke(sim, "ev-a");
            invoke(sim, "ev-b");
            invoke(sim, "ev-a");
            invoke(sim, "ev-c");
            PoolSnapshot s = sim.sim().pool().snapshot();
            List<String> actions = s.containers().stream().map(PoolSnapshot.Entry::action).sorted().toList();
            assertEquals(List.of("guest/ev-a", "guest/ev-c"), actions, "ev-b was the least recently used");
            assertEquals(3, invoke(sim, "ev-a").at("/response/result/n").asInt(), "ev-a stayed warm");
            assertTrue(s.usedMb() <= 512);
        }
    }

    @Test
    void activationsQueueWhenMemoryIsFullAndWaitTimeShowsIt() {
        try (SimHarness sim = start(pool(256, List.of(), 60_000, 600_000))) {
            sim.guest().put("/api/v1/namespaces/_/actions/slow", action(
                    "function main() { return new Promise(r => setTimeout(() => r({ok: true}), 400)); }"));
            List<CompletableFuture<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(CompletableFuture.supplyAsync(() ->
                        sim.guest().post("/api/v1/namespaces/_/actions/slow?blocking=true", "{}")));
            }
            long maxWait = 0;
            for (CompletableFuture<Reply> c : calls) {
                Reply r = c.join();
                assertEquals(200, r.status(), r.text());
                maxWait = Math.max(maxWait, annotation(r.json(), "waitTime").asLong());
            }
            assertTrue(maxWait >= 700, "the third activation waited for two others: waitTime " + maxWait);
            assertEquals(1, sim.sim().pool().snapshot().containers().size(), "one 256 MB container fits");
        }
    }

    @Test
    void concurrencyLimitLetsActivationsShareAContainer() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.ADOBE_IO_RUNTIME).withPool(pool(4096, List.of(), 60_000, 600_000));
        try (SimHarness sim = new SimHarness(config)) {
            sim.guest().put("/api/v1/namespaces/_/actions/shared", action(
                    "function main() { return new Promise(r => setTimeout(() => r({pid: process.pid}), 300)); }",
                    "{\"concurrency\":5}"));
            List<CompletableFuture<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(CompletableFuture.supplyAsync(() ->
                        sim.guest().post("/api/v1/namespaces/_/actions/shared?blocking=true&result=true", "{}")));
            }
            long pids = calls.stream().map(CompletableFuture::join).map(r -> r.json().get("pid").asLong()).distinct().count();
            assertEquals(1, pids, "five activations shared one container");
        }
    }
}
