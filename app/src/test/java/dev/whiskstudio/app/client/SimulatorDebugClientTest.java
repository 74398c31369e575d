package dev.whiskstudio.app.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.client.debug.DebugEvent;
import dev.whiskstudio.app.client.debug.DebugSessionInfo;
import dev.whiskstudio.app.client.insight.EventSubscription;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's debug sessions through the app's client, against a real embedded simulator running Node. */
class SimulatorDebugClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUEST = Credential.GUEST.namespace();
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dataDir;
    private Simulator sim;
    private OpenWhiskClient whisk;
    private SimulatorDebugClient debug;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        whisk = new OpenWhiskClient(sim.apiHost(), Credential.GUEST.auth());
        debug = new SimulatorDebugClient(new Target("embedded", sim.apiHost(), Credential.GUEST.auth()));
    }

    @AfterEach
    void stop() {
        debug.close();
        whisk.close();
        if (sim != null) {
            sim.close();
        }
    }

    private void putAction(String name, String code) throws IOException {
        ObjectNode action = JSON.createObjectNode();
        action.putObject("exec").put("kind", "nodejs:20").put("code", code);
        whisk.put(GUEST, EntityCollection.ACTIONS, name, action, true);
    }

    private static boolean alive(DebugSessionInfo session) {
        return ProcessHandle.of(Long.parseLong(session.containerId())).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void aSessionIsStartedReadPausedAndStopped() throws Exception {
        putAction("hello", "function main(p) {\n  return { hello: p.name, pid: process.pid };\n}\n");
        try (SimulatorInsightClient insight = new SimulatorInsightClient(sim.apiHost(), Credential.GUEST.auth())) {
            RecordingListener heard = new RecordingListener();
            EventSubscription events = insight.events(GUEST, heard);
            heard.next(WAIT, "the stream open", h -> h.what().equals("pool"));

            DebugSessionInfo started = debug.start("_", "hello");

            assertEquals("guest/hello", started.action());
            assertTrue(started.inspectorUrl().startsWith("ws://127.0.0.1:"), started.toString());
            assertTrue(started.scriptUrl().startsWith("file:///") && started.scriptUrl().endsWith("/action.js"),
                    started.toString());
            assertEquals(started.workDir() + "/action.js", Path.of(java.net.URI.create(started.scriptUrl())).toString());
            assertEquals("idle", started.state());
            assertNull(started.activationId());
            assertTrue(alive(started));
            DebugEvent startedEvent = (DebugEvent) heard.next(WAIT, "the session's start",
                    h -> h.what().equals("debug")).value();
            assertEquals(new DebugEvent(started.sessionId(), "guest/hello", "started", "created", null), startedEvent);

            assertEquals(List.of(started.sessionId()),
                    debug.list(GUEST).stream().map(DebugSessionInfo::sessionId).toList());
            assertEquals(started, debug.get(GUEST, started.sessionId()).orElseThrow());

            DebugSessionInfo paused = debug.setPaused(GUEST, started.sessionId(), true);
            assertTrue(paused.isPaused());
            assertEquals("paused", ((DebugEvent) heard.next(WAIT, "paused", h -> h.what().equals("debug")).value()).state());
            assertEquals("idle", debug.setPaused(GUEST, started.sessionId(), false).state());

            Invocation run = whisk.invoke(GUEST, "hello", JSON.createObjectNode().put("name", "ada"), true,
                    Duration.ofSeconds(30));
            assertEquals(200, run.status());
            assertEquals("ada", run.record().at("/response/result/hello").asText());
            assertEquals(started.containerId(), run.record().at("/response/result/pid").asText(),
                    "the activation ran in the session's process");

            assertTrue(debug.stop(GUEST, started.sessionId()));
            assertFalse(alive(started), "its process is gone when stop returns");
            DebugEvent ended = (DebugEvent) heard.next(WAIT, "the end",
                    h -> h.what().equals("debug") && ((DebugEvent) h.value()).isEnded()).value();
            assertEquals("deleted", ended.reason());
            assertFalse(ended.message().isBlank());
            assertTrue(debug.get(GUEST, started.sessionId()).isEmpty());
            assertFalse(debug.stop(GUEST, started.sessionId()), "stopping twice is no error");
            assertTrue(debug.list(GUEST).isEmpty());
            events.close();
        }
    }

    @Test
    void refusalsComeWithTheSimulatorsStatusAndMessage() throws Exception {
        putAction("hello", "function main() { return {}; }");
        DebugSessionInfo session = debug.start(GUEST, "hello");

        OpenWhiskException twice = assertThrows(OpenWhiskException.class, () -> debug.start(GUEST, "hello"));
        assertEquals(409, twice.status());
        assertTrue(twice.getMessage().contains("guest/hello"), twice.getMessage());
        assertEquals(404, assertThrows(OpenWhiskException.class, () -> debug.start(GUEST, "nothere")).status());
        assertEquals(404, assertThrows(OpenWhiskException.class,
                () -> debug.setPaused(GUEST, "0123456789abcdef0123456789abcdef", true)).status());
        try (SimulatorDebugClient wrongKey = new SimulatorDebugClient(sim.apiHost(),
                "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:wrong")) {
            assertEquals(401, assertThrows(OpenWhiskException.class, () -> wrongKey.list(GUEST)).status());
        }
        assertTrue(debug.stop(GUEST, session.sessionId()));
    }
}
