package dev.whiskstudio.sim.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.insight.EventStreamProbe.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /sim/v1/events} over real HTTP: what a subscriber sees, what it must not see, and clean-up. */
class EventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dataDir;
    private SimHarness sim;
    private SimHarness.Client guest;

    @BeforeEach
    void start() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK)
                .withCredentials(List.of(Credential.GUEST, InsightApiTest.TEAM));
        sim = new SimHarness(config.withLimits(config.limits().withInvocationsPerMinute(10_000)));
        guest = sim.guest();
        assertEquals(200, guest.put("/api/v1/namespaces/_/actions/echo",
                InsightApiTest.action(InsightApiTest.ECHO, "\"limits\":{\"memory\":128}")).status());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private EventStreamProbe subscribe(Credential key, String query) throws Exception {
        EventStreamProbe probe = new EventStreamProbe(sim.sim().apiHost(), key.auth(), query);
        assertEquals(200, probe.status());
        return probe;
    }

    private String invoke(String payload) {
        Reply r = guest.post("/api/v1/namespaces/_/actions/echo?blocking=true", payload);
        assertEquals(200, r.status(), r.text());
        return r.json().get("activationId").asText();
    }

    private static boolean is(Event e, String name, String activationId) {
        return e.name().equals(name) && activationId.equals(e.data().path("activationId").asText());
    }

    @Test
    void aSubscriberSeesAnInvocationBeginThenItsRecord() throws Exception {
        try (EventStreamProbe probe = subscribe(Credential.GUEST, null)) {
            assertTrue(probe.contentType().startsWith("text/event-stream"), probe.contentType());
            Event first = probe.next(WAIT, "the pool as it is", e -> true);
            assertEquals("pool", first.name());
            assertTrue(first.data().has("capacityMb"));

            String id = invoke("{\"hello\":\"world\"}");
            Event started = probe.next(WAIT, "activation-start", e -> e.name().startsWith("activation"));
            assertTrue(is(started, "activation-start", id), "first the start: " + started);
            JsonNode s = started.data();
            assertEquals("guest", s.get("namespace").asText());
            assertEquals("echo", s.get("path").asText());
            assertEquals("nodejs:20", s.get("kind").asText());
            assertEquals("cold", s.get("startKind").asText());
            assertNotNull(s.get("containerId").textValue());
            assertTrue(s.get("queuedAt").asLong() <= s.get("start").asLong());

            Event recorded = probe.next(WAIT, "activation", e -> e.name().startsWith("activation"));
            assertTrue(is(recorded, "activation", id), "then the record: " + recorded);
            // handed to the store before the event: a read now finds it
            assertEquals(200, guest.get("/api/v1/namespaces/_/activations/" + id).status());
            ObjectNode summary = (ObjectNode) recorded.data().deepCopy();
            JsonNode insight = summary.remove("insight");
            JsonNode listed = null;
            for (JsonNode entry : guest.get("/api/v1/namespaces/_/activations?limit=5").json()) {
                if (id.equals(entry.get("activationId").asText())) {
                    listed = entry;
                }
            }
            assertEquals(listed, summary, "the summary exactly as the activation list shows it");
            JsonNode stored = guest.get("/sim/v1/namespaces/_/activations/" + id + "/insight").json();
            ObjectNode withoutParams = (ObjectNode) stored.deepCopy();
            withoutParams.remove("params");
            assertEquals(withoutParams, insight, "the insight, without the params");
            assertEquals(s.get("containerId"), insight.get("containerId"));
            assertEquals(s.get("start"), insight.get("start"));
        }
    }

    @Test
    void anActivationWithNoRecordToStoreIsSaidToHaveEnded() throws Exception {
        // the Adobe profile keeps no record of a successful blocking call: a subscriber hears its end all the same
        sim.close();
        sim = new SimHarness(SimConfig.defaults(dataDir.resolve("adobe"), Profile.ADOBE_IO_RUNTIME));
        guest = sim.guest();
        assertEquals(200, guest.put("/api/v1/namespaces/_/actions/echo",
                InsightApiTest.action(InsightApiTest.ECHO, "\"limits\":{\"memory\":128}")).status());
        try (EventStreamProbe probe = subscribe(Credential.GUEST, null)) {
            probe.next(WAIT, "the pool as it is", e -> true);
            String id = invoke("{}");
            Event started = probe.next(WAIT, "activation-start", e -> e.name().startsWith("activation"));
            assertTrue(is(started, "activation-start", id), started.toString());
            Event ended = probe.next(WAIT, "activation-end", e -> e.name().startsWith("activation"));
            assertTrue(is(ended, "activation-end", id), "the end, with no record: " + ended);
            assertTrue(ended.data().get("end").asLong() >= started.data().get("start").asLong());
            assertEquals(404, guest.get("/api/v1/namespaces/_/activations/" + id).status(), "no record stored");
        }
    }

    @Test
    void poolEventsFollowTheContainersAtMostTenASecond() throws Exception {
        try (EventStreamProbe probe = subscribe(Credential.GUEST, null)) {
            probe.next(WAIT, "the first pool event", e -> e.name().equals("pool"));
            long t0 = System.nanoTime();
            String id = invoke("{}");
            String containerId = guest.get("/sim/v1/namespaces/_/activations/" + id + "/insight").json()
                    .get("containerId").asText();
            Event withContainer = probe.next(WAIT, "a pool event with echo's container", e -> e.name().equals("pool")
                    && InsightApiTest.containers(e.data()).anyMatch(c -> containerId.equals(c.path("containerId").asText())));
            assertTrue(InsightApiTest.containers(withContainer.data())
                    .anyMatch(c -> "guest/echo".equals(c.path("action").asText())), withContainer.toString());
            for (int i = 0; i < 30; i++) {
                invoke("{}"); // each takes and gives back the container: two changes of the pool
            }
            // at any moment, at most one snapshot per 100 ms has been sent (plus the first, sent on connecting)
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            long pools = probe.poolEventsSeen();
            assertTrue(pools <= elapsedMs / 100 + 3, pools + " pool events in " + elapsedMs + " ms");
        }
    }

    @Test
    void anotherNamespaceSeesNoneOfTheseActivations() throws Exception {
        SimHarness.Client team = sim.as(InsightApiTest.TEAM);
        assertEquals(200, team.put("/api/v1/namespaces/_/actions/theirs",
                InsightApiTest.action(InsightApiTest.ECHO, "\"limits\":{\"memory\":128}")).status());
        try (EventStreamProbe mine = subscribe(Credential.GUEST, "ns=_");
             EventStreamProbe theirs = subscribe(InsightApiTest.TEAM, null)) {
            String id = invoke("{\"private\":true}");
            mine.next(WAIT, "my activation's record", e -> is(e, "activation", id));
            // each client's events come in order: once the team sees its own later activation, it has been sent
            // everything published before it
            Reply r = team.post("/api/v1/namespaces/_/actions/theirs?blocking=true", "{}");
            assertEquals(200, r.status(), r.text());
            String theirId = r.json().get("activationId").asText();
            theirs.next(WAIT, "the team's own activation", e -> is(e, "activation", theirId));
            List<Event> seen = theirs.drain();
            assertTrue(seen.stream().noneMatch(e -> e.data().toString().contains(id)), "nothing of guest's: " + seen);
            String theirContainer = team.get("/sim/v1/namespaces/_/activations/" + theirId + "/insight").json()
                    .get("containerId").asText();
            Event pool = mine.next(WAIT, "a pool event with the team's container", e -> e.name().equals("pool")
                    && InsightApiTest.containers(e.data()).anyMatch(c -> theirContainer.equals(c.path("containerId").asText())));
            JsonNode container = InsightApiTest.containers(pool.data())
                    .filter(c -> theirContainer.equals(c.path("containerId").asText())).findFirst().orElseThrow();
            assertTrue(container.get("namespace").isNull() && container.get("action").isNull(),
                    "another namespace's container without its owner: " + container);
            assertTrue(mine.drain().stream().noneMatch(e -> e.data().toString().contains(theirId)));
        }
    }

    @Test
    void aStreamIsRefusedWithThePlatformsErrors() throws Exception {
        EventStreamProbe anonymous = new EventStreamProbe(sim.sim().apiHost(), "nobody:nothing", null);
        assertEquals(401, anonymous.status());
        assertEquals("The supplied authentication is invalid", anonymous.errorBody().get("error").asText());
        anonymous.close();
        EventStreamProbe foreign = new EventStreamProbe(sim.sim().apiHost(), InsightApiTest.TEAM.auth(), "ns=guest");
        assertEquals(403, foreign.status());
        assertEquals("The supplied authentication is not authorized to access 'guest'.", foreign.errorBody().get("error").asText());
        foreign.close();
        assertEquals(0, sim.sim().events().subscriberCount());
    }

    @Test
    void aClientThatHangsUpIsForgottenWithItsThread() throws Exception {
        EventStreamProbe probe = subscribe(Credential.GUEST, null);
        probe.next(WAIT, "the first pool event", e -> e.name().equals("pool"));
        assertEquals(1, sim.sim().events().subscriberCount());
        assertEquals(1, SlowClientTest.writerThreads());
        probe.close();
        // the server learns of it on its next write
        Poll.until(WAIT, "the client to be forgotten", () -> {
            invoke("{}");
            return sim.sim().events().subscriberCount() == 0;
        });
        Poll.until(WAIT, "its writer thread to end", () -> SlowClientTest.writerThreads() == 0);
    }

    @Test
    void closingTheSimulatorEndsEveryStreamAndItsThreads() throws Exception {
        EventStreamProbe one = subscribe(Credential.GUEST, null);
        EventStreamProbe two = subscribe(InsightApiTest.TEAM, null);
        Poll.until(WAIT, "two clients", () -> sim.sim().events().subscriberCount() == 2);
        sim.close();
        Poll.until(WAIT, "both streams to end", () -> one.ended() && two.ended());
        assertEquals(0, SlowClientTest.writerThreads());
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("sim-events")).count(), "no event thread left");
        one.close();
        two.close();
    }

    @Test
    void anIdleStreamIsKeptAliveWithAComment() throws Exception {
        try (EventStreamProbe probe = subscribe(Credential.GUEST, null)) {
            Poll.until(Duration.ofSeconds(25), "a keep-alive comment", () -> !probe.comments().isEmpty());
            assertEquals(": keep-alive", probe.comments().get(0));
        }
    }
}
