package dev.whiskstudio.sim.invoker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.backend.docker.DockerBackend;
import dev.whiskstudio.sim.backend.docker.DockerBackendConfig;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.whiskstudio.sim.invoker.Actions.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The simulator with the Docker backend, against a real engine ({@code DOCKER_HOST}; {@code .ci/docker-engine.sh}
 * starts one): the same activation lifecycle as with processes, in containers.
 */
class DockerInvocationTest {
    @TempDir
    Path dataDir;

    private SimHarness start(long pauseMs, long idleMs) {
        DockerBackendConfig probe = DockerBackendConfig.fromEnvironment("probe", System.getenv());
        assumeTrue(DockerBackend.engineAnswers(probe), "no Docker engine answers at " + probe.dockerHost()
                + " (source .ci/docker-engine.sh to start one)");
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK).withBackend(SimConfig.DOCKER_BACKEND)
                .withPool(new PoolConfig(1024, List.of(new PoolConfig.Prewarm("nodejs:20", 256, 1)),
                        Duration.ofMillis(pauseMs), Duration.ofMillis(idleMs)));
        return new SimHarness(config.withLimits(config.limits().withInvocationsPerMinute(1000)));
    }

    private static List<String> containersLabelled(String owner) {
        return DockerBackend.containersOwnedBy(DockerBackendConfig.fromEnvironment(owner, System.getenv()), owner);
    }

    private static Reply invoke(SimHarness sim, String name) {
        return sim.guest().post("/api/v1/namespaces/_/actions/" + name + "?blocking=true", "{}");
    }

    @Test
    void actionsRunInWarmContainersAndFaultsGetThePlatformsMessages() {
        try (SimHarness sim = start(10_000, 600_000)) {
            sim.guest().put("/api/v1/namespaces/_/actions/counter", action(Actions.COUNTER));
            JsonNode first = invoke(sim, "counter").json();
            assertEquals(1, first.at("/response/result/n").asInt(), first.toString());
            assertNotNull(InvocationTest.annotation(first, "initTime"));
            JsonNode second = invoke(sim, "counter").json();
            assertEquals(2, second.at("/response/result/n").asInt());
            assertNull(InvocationTest.annotation(second, "initTime"));

            sim.guest().put("/api/v1/namespaces/_/actions/hog", action("function main() { const keep = [];"
                    + " while (true) { keep.push(Buffer.alloc(8 * 1024 * 1024, 1)); } }", "{\"memory\":128,\"timeout\":30000}"));
            Reply hog = invoke(sim, "hog");
            assertEquals(502, hog.status(), hog.text());
            assertEquals("The action exhausted its memory and was aborted.", hog.json().at("/response/result/error").asText());

            sim.guest().put("/api/v1/namespaces/_/actions/loop", action("function main() { while (true) {} }", "{\"timeout\":500}"));
            Reply loop = invoke(sim, "loop");
            assertEquals("The action exceeded its time limits of 500 milliseconds.", loop.json().at("/response/result/error").asText());

            assertEquals(3, invoke(sim, "counter").json().at("/response/result/n").asInt(), "the others carried on");
        }
    }

    @Test
    void idleContainersArePausedForRealAndRemoved() {
        try (SimHarness sim = start(300, 2500)) {
            sim.guest().put("/api/v1/namespaces/_/actions/idle", action(Actions.COUNTER));
            assertEquals(200, invoke(sim, "idle").status());
            Poll.until(Duration.ofSeconds(10), "a paused container", () -> sim.sim().pool().snapshot(),
                    s -> s.containers().stream().anyMatch(c -> c.state().equals("paused")));
            assertEquals(2, invoke(sim, "idle").json().at("/response/result/n").asInt(), "unpaused with its state");
            Poll.until(Duration.ofSeconds(15), "the idle container to be removed", () -> sim.sim().pool().snapshot(),
                    s -> s.containers().stream().noneMatch(c -> "guest/idle".equals(c.action())));
        }
    }

    @Test
    void stoppingTheSimulatorRemovesItsContainers() {
        SimHarness sim = start(10_000, 600_000);
        String owner = dev.whiskstudio.sim.Backends.ownerId(sim.sim().config());
        try {
            sim.guest().put("/api/v1/namespaces/_/actions/a", action(Actions.ECHO));
            assertEquals(200, invoke(sim, "a").status());
            Poll.until(Duration.ofSeconds(20), "containers to exist", () -> containersLabelled(owner).size() >= 2);
        } finally {
            sim.close();
        }
        assertEquals(List.of(), containersLabelled(owner));
    }
}
