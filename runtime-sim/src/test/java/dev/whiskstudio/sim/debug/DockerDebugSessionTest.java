package dev.whiskstudio.sim.debug;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.backend.docker.DockerBackend;
import dev.whiskstudio.sim.backend.docker.DockerBackendConfig;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.invoker.PoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.whiskstudio.sim.debug.DebugTests.DEBUG;
import static dev.whiskstudio.sim.debug.DebugTests.DOUBLER;
import static dev.whiskstudio.sim.debug.DebugTests.action;
import static dev.whiskstudio.sim.debug.DebugTests.annotation;
import static dev.whiskstudio.sim.debug.DebugTests.invokeBlocking;
import static dev.whiskstudio.sim.debug.DebugTests.put;
import static dev.whiskstudio.sim.debug.DebugTests.setPaused;
import static dev.whiskstudio.sim.debug.DebugTests.startSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A debug session with the Docker backend, against a real engine ({@code DOCKER_HOST}; {@code .ci/docker-engine.sh}
 * starts one): the inspector listens inside the container on the host's loopback, and the session's container is
 * gone when the session is.
 */
class DockerDebugSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void aBreakpointInADockerContainerHoldsTheActivationUntilResumed() throws Exception {
        DockerBackendConfig probe = DockerBackendConfig.fromEnvironment("probe", System.getenv());
        assumeTrue(DockerBackend.engineAnswers(probe), "no Docker engine answers at " + probe.dockerHost()
                + " (source .ci/docker-engine.sh to start one)");
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK).withBackend(SimConfig.DOCKER_BACKEND)
                .withPool(new PoolConfig(1024, List.of(), Duration.ofSeconds(10), Duration.ofMinutes(10)));
        String containerId;
        try (SimHarness sim = new SimHarness(config)) {
            put(sim, "dbg", action(DOUBLER, "{\"timeout\":1000}"));
            JsonNode s = startSession(sim, "dbg");
            String id = s.get("sessionId").asText();
            containerId = s.get("containerId").asText();
            assertEquals("/tmp", s.get("workDir").asText());
            assertEquals("file:///tmp/action.js", s.get("scriptUrl").asText());
            assertTrue(owned(sim).contains(containerId));

            try (CdpTestClient cdp = new CdpTestClient(s.get("inspectorUrl").asText())) {
                cdp.call("Debugger.enable");
                JsonNode bp = cdp.call("Debugger.setBreakpointByUrl", CdpTestClient.params()
                        .put("url", s.get("scriptUrl").asText()).put("lineNumber", 1));
                assertEquals(1, bp.get("locations").size(), bp.toString());
                CompletableFuture<Reply> call = CompletableFuture.supplyAsync(
                        () -> invokeBlocking(sim, "dbg", "&timeout=2000", "{\"n\":21}"));

                JsonNode paused = cdp.await("Debugger.paused", WAIT, p -> true);
                assertEquals(1, paused.at("/callFrames/0/location/lineNumber").asInt());
                assertEquals(200, setPaused(sim, id, true).status());
                assertThrows(TimeoutException.class, () -> call.get(3, TimeUnit.SECONDS));
                assertEquals(200, setPaused(sim, id, false).status());
                cdp.call("Debugger.resume");
                Reply answer = call.get(15, TimeUnit.SECONDS);

                assertEquals(200, answer.status(), answer.text());
                assertEquals(42, answer.json().at("/response/result/doubled").asInt());
                assertFalse(annotation(answer.json(), "timeout").asBoolean());
            }

            Reply deleted = sim.guest().delete(DEBUG + "/" + id);
            assertEquals(200, deleted.status(), deleted.text());
            assertFalse(owned(sim).contains(containerId), "the session's container is removed");
        }
    }

    private static List<String> owned(SimHarness sim) {
        String owner = dev.whiskstudio.sim.Backends.ownerId(sim.sim().config());
        return DockerBackend.containersOwnedBy(DockerBackendConfig.fromEnvironment(owner, System.getenv()), owner);
    }
}
