package dev.whiskstudio.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.client.insight.ActivationEvent;
import dev.whiskstudio.app.client.insight.ActivationInsight;
import dev.whiskstudio.app.client.insight.ContainerView;
import dev.whiskstudio.app.client.insight.EventSubscription;
import dev.whiskstudio.app.client.insight.PoolView;
import dev.whiskstudio.app.client.insight.SimulatorEventListener;
import dev.whiskstudio.app.client.insight.SimulatorInfo;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's insight API through the app's client, against a real embedded simulator running Node. */
class SimulatorInsightClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUEST = Credential.GUEST.namespace();
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dataDir;
    private Simulator sim;
    private OpenWhiskClient whisk;
    private SimulatorInsightClient insight;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        whisk = new OpenWhiskClient(sim.apiHost(), Credential.GUEST.auth());
        insight = new SimulatorInsightClient(new Target("embedded", sim.apiHost(), Credential.GUEST.auth()));
    }

    @AfterEach
    void stop() {
        insight.close();
        whisk.close();
        if (sim != null) {
            sim.close();
        }
    }

    /** Invokes an echo action of 128 MB (no stem cell has that size), created on its first use. */
    private String invokeEcho(String name, JsonNode params) throws IOException {
        if (whisk.listActions(GUEST).stream().noneMatch(a -> a.name().equals(name))) {
            ObjectNode action = JSON.createObjectNode();
            action.putObject("exec").put("kind", "nodejs:20").put("code", "function main(p) { return p; }");
            action.putObject("limits").put("memory", 128);
            whisk.put(GUEST, EntityCollection.ACTIONS, name, action, false);
        }
        Invocation done = whisk.invoke(GUEST, name, params, true, Duration.ofSeconds(30));
        assertEquals(200, done.status());
        return done.activationId();
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void infoSaysItIsAWhiskStudioSimulator() throws IOException {
        SimulatorInfo info = insight.info().orElseThrow();
        assertEquals("whisk-studio", info.simulator());
        assertEquals("openwhisk", info.profile());
        assertEquals("process", info.backend());
        assertFalse(info.version().isBlank());
    }

    @Test
    void thePoolListsTheStemCellsThenTheActionsContainer() throws Exception {
        waitUntil("two stem cells", () -> {
            try {
                return insight.pool().containers().stream().filter(ContainerView::isPrewarmed).count() == 2;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        String id = invokeEcho("pooled", JSON.createObjectNode());
        String containerId = insight.insight(GUEST, id).orElseThrow().containerId();
        PoolView pool = insight.pool();
        assertEquals(1024, pool.capacityMb());
        assertEquals(256 + 256 + 128, pool.usedMb());
        ContainerView mine = pool.containers().stream().filter(c -> containerId.equals(c.containerId())).findFirst()
                .orElseThrow();
        assertEquals("guest/pooled", mine.action());
        assertEquals(GUEST, mine.namespace());
        assertEquals(128, mine.memoryMb());
        assertTrue(List.of("warm", "paused").contains(mine.state()), mine.state());
    }

    @Test
    void anActivationsInsightCarriesItsContainerAndExactParams() throws IOException {
        ObjectNode params = JSON.createObjectNode().put("who", "ada");
        params.putArray("list").add(1).add("two");
        String first = invokeEcho("echo", params);
        String second = invokeEcho("echo", JSON.createObjectNode().put("n", 2));

        ActivationInsight cold = insight.insight(GUEST, first).orElseThrow();
        assertEquals(first, cold.activationId());
        assertEquals("cold", cold.startKind());
        assertNotNull(cold.containerId());
        assertNotNull(cold.initTime());
        assertEquals(params, cold.params());
        assertTrue(cold.queuedAt() <= cold.start() && cold.start() <= cold.end());
        ActivationInsight warm = insight.insight("_", second).orElseThrow();
        assertEquals("warm", warm.startKind());
        assertEquals(cold.containerId(), warm.containerId());
        assertNull(warm.initTime());

        assertEquals(Optional.empty(), insight.insight(GUEST, "0".repeat(32)), "an activation it has no insight into");
        OpenWhiskException malformed = org.junit.jupiter.api.Assertions.assertThrows(OpenWhiskException.class,
                () -> insight.insight(GUEST, "not-an-id"));
        assertEquals(400, malformed.status());

        List<ActivationInsight> all = insight.insights(GUEST, 0, 0, 0);
        assertEquals(List.of(second, first), all.stream().map(ActivationInsight::activationId).toList(), "newest first");
        assertEquals(1, insight.insights(GUEST, 0, 0, 1).size());
        assertEquals(List.of(first), insight.insights(GUEST, cold.start(), cold.start(), 0).stream()
                .map(ActivationInsight::activationId).toList());
    }

    @Test
    void aSubscriptionHearsThePoolThenEachActivationBeginAndEnd() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (EventSubscription events = insight.events(null, listener)) {
            listener.next(WAIT, "the stream opening", h -> h.what().equals("open"));
            PoolView first = (PoolView) listener.next(WAIT, "the pool", h -> h.what().equals("pool")).value();
            assertEquals(1024, first.capacityMb());

            String id = invokeEcho("watched", JSON.createObjectNode().put("x", 1));
            ActivationEvent started = (ActivationEvent) listener.next(WAIT, "the start",
                    h -> h.what().equals("started") || h.what().equals("recorded")).value();
            assertEquals(ActivationEvent.Phase.STARTED, started.phase());
            assertEquals(id, started.activationId());
            assertEquals(GUEST, started.namespace());
            assertEquals("watched", started.path());
            assertEquals("nodejs:20", started.kind());
            assertEquals("cold", started.startKind());
            assertNotNull(started.containerId());

            ActivationEvent recorded = (ActivationEvent) listener.next(WAIT, "the record",
                    h -> h.what().equals("recorded")).value();
            assertEquals(id, recorded.activationId());
            assertEquals("watched", recorded.path());
            assertEquals("nodejs:20", recorded.kind());
            assertEquals(started.containerId(), recorded.containerId());
            assertEquals(started.start(), recorded.start());
            assertEquals(0, recorded.summary().get("statusCode").asInt());
            assertEquals(id, recorded.insight().activationId());
            assertNull(recorded.insight().params(), "the stream leaves the params out");
            assertEquals(whisk.listActivations(GUEST, null, 1, 0, 0, false).get(0), recorded.summary(),
                    "the summary as the activation list shows it");

            listener.next(WAIT, "a pool with the new container", h -> h.what().equals("pool")
                    && ((PoolView) h.value()).containers().stream().anyMatch(c -> "guest/watched".equals(c.action())));
            assertTrue(events.isOpen());
            events.close();
            assertFalse(events.isOpen());
        }
        waitUntil("the simulator to forget the subscription", () -> {
            try {
                invokeEcho("watched", JSON.createObjectNode());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return sim.events().subscriberCount() == 0;
        });
        assertTrue(listener.drain().stream().noneMatch(h -> h.what().equals("closed") || h.what().equals("error")),
                "closing it yourself ends it quietly");
    }

    @Test
    void aRefusedSubscriptionReportsThePlatformsError() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (SimulatorInsightClient wrongKey = new SimulatorInsightClient(sim.apiHost(), "nobody:nothing")) {
            EventSubscription events = wrongKey.events(null, listener);
            IOException error = (IOException) listener.next(WAIT, "an error", h -> h.what().equals("error")).value();
            OpenWhiskException refused = assertInstanceOf(OpenWhiskException.class, error);
            assertEquals(401, refused.status());
            assertEquals("The supplied authentication is invalid", refused.error());
            assertFalse(events.isOpen());
        }
        RecordingListener foreign = new RecordingListener();
        insight.events("someone-else", foreign);
        OpenWhiskException forbidden = assertInstanceOf(OpenWhiskException.class,
                foreign.next(WAIT, "an error", h -> h.what().equals("error")).value());
        assertEquals(403, forbidden.status());
    }

    @Test
    void theSimulatorStoppingEndsTheSubscription() throws Exception {
        RecordingListener listener = new RecordingListener();
        EventSubscription events = insight.events("_", listener);
        listener.next(WAIT, "the pool", h -> h.what().equals("pool"));
        sim.close();
        sim = null;
        RecordingListener.Heard end = listener.next(WAIT, "the end", h -> h.what().equals("closed") || h.what().equals("error"));
        assertEquals("closed", end.what(), "the simulator ends the stream cleanly: " + end);
        assertFalse(events.isOpen());
    }

    @Test
    void aListenerThatThrowsEndsItsSubscriptionWithTheReason() throws Exception {
        RecordingListener heard = new RecordingListener();
        SimulatorEventListener failing = new SimulatorEventListener() {
            @Override
            public void onPool(PoolView pool) {
                throw new IllegalStateException("a bug in the view");
            }

            @Override
            public void onError(IOException error) {
                heard.onError(error);
            }
        };
        EventSubscription events = insight.events(null, failing);
        IOException error = (IOException) heard.next(WAIT, "the error", h -> h.what().equals("error")).value();
        assertTrue(error.getMessage().contains("a bug in the view"), error.getMessage());
        assertFalse(events.isOpen());
    }
}
