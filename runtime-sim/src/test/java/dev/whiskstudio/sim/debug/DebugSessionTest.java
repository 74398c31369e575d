package dev.whiskstudio.sim.debug;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.whiskstudio.sim.debug.DebugTests.DEBUG;
import static dev.whiskstudio.sim.debug.DebugTests.DOUBLER;
import static dev.whiskstudio.sim.debug.DebugTests.WHO;
import static dev.whiskstudio.sim.debug.DebugTests.action;
import static dev.whiskstudio.sim.debug.DebugTests.annotation;
import static dev.whiskstudio.sim.debug.DebugTests.invokeBlocking;
import static dev.whiskstudio.sim.debug.DebugTests.put;
import static dev.whiskstudio.sim.debug.DebugTests.setPaused;
import static dev.whiskstudio.sim.debug.DebugTests.startSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debug sessions with the process backend, end to end: a real simulator over loopback HTTP, real Node processes
 * started with the inspector, and a real DevTools Protocol client connected to them.
 */
class DebugSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    private SimHarness sim;
    private final List<Long> debugPids = new ArrayList<>();

    @BeforeEach
    void start() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK);
        sim = new SimHarness(config.withLimits(config.limits().withInvocationsPerMinute(1000)));
    }

    @AfterEach
    void stop() {
        sim.close();
        assertEquals(0, sim.sim().debugSessions().count());
        for (long pid : debugPids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "debug process " + pid + " left");
        }
    }

    private JsonNode session(String action) {
        JsonNode s = startSession(sim, action);
        debugPids.add(Long.parseLong(s.get("containerId").asText()));
        return s;
    }

    private static boolean alive(JsonNode session) {
        return ProcessHandle.of(Long.parseLong(session.get("containerId").asText())).map(ProcessHandle::isAlive).orElse(false);
    }

    private CompletableFuture<Reply> invokeInBackground(String name, String query, String params) {
        return CompletableFuture.supplyAsync(() -> invokeBlocking(sim, name, query, params));
    }

    /** Connects to a session's inspector and sets a breakpoint by the script URL the session gave. */
    private static CdpTestClient attachWithBreakpoint(JsonNode session, int zeroBasedLine) throws Exception {
        CdpTestClient cdp = new CdpTestClient(session.get("inspectorUrl").asText());
        cdp.call("Debugger.enable");
        JsonNode bp = cdp.call("Debugger.setBreakpointByUrl", CdpTestClient.params()
                .put("url", session.get("scriptUrl").asText()).put("lineNumber", zeroBasedLine));
        assertEquals(1, bp.get("locations").size(), "the action's script is parsed (initialised): " + bp);
        return cdp;
    }

    @Test
    void aSessionStartsTheActionsOwnProcessWithTheInspectorAndNamesItsScriptAsNodeDoes() throws Exception {
        put(sim, "dbg", action(DOUBLER, null));

        JsonNode s = session("dbg");

        assertEquals(32, s.get("sessionId").asText().length());
        assertEquals("guest/dbg", s.get("action").asText());
        assertTrue(s.get("revision").asText().startsWith("0.0.1@"), s.toString());
        assertTrue(s.get("inspectorUrl").asText().matches("ws://127\\.0\\.0\\.1:\\d+/[0-9a-f-]{36}"), s.toString());
        assertTrue(alive(s));
        assertEquals("idle", s.get("state").asText());
        assertTrue(s.get("activationId").isNull());
        String workDir = s.get("workDir").asText();
        assertTrue(workDir.startsWith(dataDir.toString()), s.toString());
        try (CdpTestClient cdp = new CdpTestClient(s.get("inspectorUrl").asText())) {
            cdp.call("Debugger.enable");
            List<String> actionScripts = cdp.scriptUrls().stream().filter(u -> u.endsWith("/action.js")).toList();
            assertEquals(List.of(s.get("scriptUrl").asText()), actionScripts, "the one script of the inline code");
            // Node 20 names it by file URL
            assertEquals(Path.of(workDir, "action.js").toUri().toString(), s.get("scriptUrl").asText());
        }
        Reply listed = sim.guest().get(DEBUG);
        assertEquals(200, listed.status());
        assertEquals(1, listed.json().size());
        assertEquals(s.get("sessionId"), listed.json().get(0).get("sessionId"));
        assertFalse(sim.sim().pool().snapshot().containers().stream()
                .anyMatch(c -> s.get("containerId").asText().equals(c.containerId())), "the debug process is not in the pool");
    }

    @Test
    void aSecondSessionOfAnActionIsRefusedUnlessItReplacesTheFirst() throws Exception {
        put(sim, "dbg", action(DOUBLER, null));
        JsonNode first = session("dbg");

        Reply again = sim.guest().post(DEBUG, "{\"action\":\"dbg\"}");
        assertEquals(409, again.status(), again.text());

        Reply replacing = sim.guest().post(DEBUG, "{\"action\":\"dbg\",\"replace\":true}");
        assertEquals(201, replacing.status(), replacing.text());
        debugPids.add(Long.parseLong(replacing.json().get("containerId").asText()));
        assertEquals(404, sim.guest().get(DEBUG + "/" + first.get("sessionId").asText()).status(), "the first is gone");
        assertFalse(alive(first), "with its process");
        Reply listed = sim.guest().get(DEBUG);
        assertEquals(1, listed.json().size());
        assertEquals(replacing.json().get("sessionId"), listed.json().get(0).get("sessionId"));
    }

    @Test
    void updatingTheActionEndsItsSessionAndTheNextCallRunsTheNewCode() throws Exception {
        put(sim, "dbg", action(DOUBLER, null));
        JsonNode s = session("dbg");
        put(sim, "dbg", action(DOUBLER.replace("params.n * 2", "params.n * 3"), null));

        Reply answer = invokeBlocking(sim, "dbg", "", "{\"n\":5}");

        assertEquals(200, answer.status(), answer.text());
        assertEquals(15, answer.json().at("/response/result/doubled").asInt(), "the new code (n * 3) ran: "
                + answer.text());
        assertFalse(s.get("containerId").asText().equals(answer.json().at("/response/result/pid").asText()),
                "not in the old debug container");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sim.guest().get(DEBUG + "/" + s.get("sessionId").asText()).status() != 404) {
            assertTrue(System.nanoTime() < deadline, "the session of the old code ended");
            Thread.onSpinWait();
        }
        long gone = System.nanoTime() + WAIT.toNanos();
        while (alive(s)) {
            assertTrue(System.nanoTime() < gone, "its process is gone");
            Thread.onSpinWait();
        }
    }

    @Test
    void aZipActionsFilesAreScriptsUnderTheWorkDirectoryWithTheirArchivePaths() throws Exception {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("index.js"));
            out.write("const half = require('./lib/half');\nexports.main = p => ({ half: half(p.n), pid: process.pid });\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry("lib/half.js"));
            out.write("module.exports = n => {\n  return n / 2;\n};\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        put(sim, "zipped", action(java.util.Base64.getEncoder().encodeToString(zip.toByteArray()), null));
        JsonNode s = session("zipped");
        assertTrue(s.get("scriptUrl").isNull(), "no one inline script: " + s);
        try (CdpTestClient cdp = new CdpTestClient(s.get("inspectorUrl").asText())) {
            cdp.call("Debugger.enable");
            String half = cdp.scriptUrls().stream().filter(u -> u.endsWith("/lib/half.js")).findFirst().orElseThrow();
            assertTrue(half.startsWith(Path.of(s.get("workDir").asText()).toUri().toString()), half);
            JsonNode bp = cdp.call("Debugger.setBreakpointByUrl", CdpTestClient.params().put("url", half).put("lineNumber", 1));
            assertEquals(1, bp.get("locations").size());
            CompletableFuture<Reply> call = invokeInBackground("zipped", "", "{\"n\":10}");
            JsonNode paused = cdp.await("Debugger.paused", WAIT, p -> true);
            assertEquals(half, cdp.urlOf(paused.at("/callFrames/0/location/scriptId").asText()));
            cdp.call("Debugger.resume");
            Reply answer = call.get(10, TimeUnit.SECONDS);
            assertEquals(5, answer.json().at("/response/result/half").asInt(), answer.text());
            assertEquals(s.get("containerId").asText(), answer.json().at("/response/result/pid").asText());
        }
    }

    @Test
    void aBreakpointHoldsTheActivationPastItsTimeLimitAndTheCallersWaitWhileOtherActionsRunOn() throws Exception {
        put(sim, "dbg", action(DOUBLER, "{\"timeout\":1000}"));
        put(sim, "other", action(WHO, null));
        try (DebugEventStream events = new DebugEventStream(sim.sim().apiHost(), Credential.GUEST.auth())) {
            JsonNode s = session("dbg");
            String id = s.get("sessionId").asText();
            assertEquals("started", events.next(WAIT, e -> id.equals(e.path("sessionId").asText())).get("state").asText());
            try (CdpTestClient cdp = attachWithBreakpoint(s, 1)) {
                long invokedAt = System.nanoTime();
                CompletableFuture<Reply> call = invokeInBackground("dbg", "&timeout=2000", "{\"n\":21}");

                JsonNode paused = cdp.await("Debugger.paused", WAIT, p -> true);
                JsonNode top = paused.get("callFrames").get(0);
                assertEquals(1, top.at("/location/lineNumber").asInt(), "stopped at user line 2");
                assertEquals(s.get("scriptUrl").asText(), cdp.urlOf(top.at("/location/scriptId").asText()));
                assertEquals(200, setPaused(sim, id, true).status());
                assertEquals("paused", events.next(WAIT, e -> id.equals(e.path("sessionId").asText())).get("state").asText());
                JsonNode during = sim.guest().get(DEBUG + "/" + id).json();
                assertEquals("paused", during.get("state").asText());
                assertEquals(32, during.get("activationId").asText().length());

                // past the action's 1 s limit and the caller's 2 s wait, the caller still waits
                assertThrows(TimeoutException.class, () -> call.get(3, TimeUnit.SECONDS));
                Reply other = invokeBlocking(sim, "other", "", "{}");
                assertEquals(200, other.status(), "other actions run on in the pool: " + other);
                assertNotEquals(s.get("containerId").asText(), other.json().at("/response/result/pid").asText());

                assertEquals(200, setPaused(sim, id, false).status());
                assertEquals("running", events.next(WAIT, e -> id.equals(e.path("sessionId").asText())).get("state").asText());
                cdp.call("Debugger.resume");
                Reply answer = call.get(10, TimeUnit.SECONDS);

                assertEquals(200, answer.status(), answer.text());
                JsonNode record = answer.json();
                assertEquals(42, record.at("/response/result/doubled").asInt());
                assertEquals(s.get("containerId").asText(), record.at("/response/result/pid").asText());
                assertFalse(annotation(record, "timeout").asBoolean());
                assertTrue(record.get("duration").asLong() >= 3000, "it ran while held: " + record);
                assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - invokedAt) > 3000);
                assertEquals("idle", sim.guest().get(DEBUG + "/" + id).json().get("state").asText());
            }
        }
    }

    @Test
    void aSequencesCallerWaitsWhileTheDebuggerHoldsItsComponent() throws Exception {
        put(sim, "dbg", action(DOUBLER, "{\"timeout\":1000}"));
        Reply seq = sim.guest().put("/api/v1/namespaces/_/actions/twice",
                "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"/guest/dbg\"]}}");
        assertEquals(200, seq.status(), seq.text());
        JsonNode s = session("dbg");
        try (CdpTestClient cdp = attachWithBreakpoint(s, 1)) {
            CompletableFuture<Reply> call = invokeInBackground("twice", "&timeout=1500", "{\"n\":4}");
            cdp.await("Debugger.paused", WAIT, p -> true);
            assertEquals(200, setPaused(sim, s.get("sessionId").asText(), true).status());

            assertThrows(TimeoutException.class, () -> call.get(2500, TimeUnit.MILLISECONDS));

            assertEquals(200, setPaused(sim, s.get("sessionId").asText(), false).status());
            cdp.call("Debugger.resume");
            Reply answer = call.get(10, TimeUnit.SECONDS);
            assertEquals(200, answer.status(), "the sequence's caller waited on: " + answer.text());
            assertEquals(8, answer.json().at("/response/result/doubled").asInt());
        }
    }

    @Test
    void webActionsSequencesAndRulesOfTheActionAllRunInTheDebugProcess() throws Exception {
        put(sim, "who", action(WHO, null, Map.of("web-export", true)));
        Reply seq = sim.guest().put("/api/v1/namespaces/_/actions/seq",
                "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"/guest/who\"]}}");
        assertEquals(200, seq.status(), seq.text());
        assertEquals(200, sim.guest().put("/api/v1/namespaces/_/triggers/tick", "{}").status());
        assertEquals(200, sim.guest().put("/api/v1/namespaces/_/rules/onTick",
                "{\"trigger\":\"/guest/tick\",\"action\":\"/guest/who\"}").status());
        JsonNode s = session("who");
        String pid = s.get("containerId").asText();

        Reply web = sim.anonymous().get("/api/v1/web/guest/default/who.json");
        assertEquals(200, web.status(), web.text());
        assertEquals(pid, web.json().get("pid").asText(), "a web action call runs in the debug process");
        assertEquals(1, web.json().get("calls").asInt());

        Reply viaSequence = invokeBlocking(sim, "seq", "", "{}");
        assertEquals(200, viaSequence.status(), viaSequence.text());
        assertEquals(pid, viaSequence.json().at("/response/result/pid").asText(), "so does a sequence's component");

        Reply fired = sim.guest().post("/api/v1/namespaces/_/triggers/tick", "{}");
        assertEquals(202, fired.status(), fired.text());
        JsonNode ruleRun = Poll.until(WAIT, "the rule's activation of who",
                () -> sim.guest().get("/api/v1/namespaces/_/activations?name=who&docs=true").json(),
                list -> list.size() >= 3);
        for (JsonNode record : ruleRun) {
            assertEquals(pid, record.at("/response/result/pid").asText(), record.toString());
        }
        Reply direct = invokeBlocking(sim, "who", "", "{}");
        assertEquals(4, direct.json().at("/response/result/calls").asInt(), "all four in the one debug process");
    }

    @Test
    void activationsQueueForTheDebugProcessAndRunOneAtATimeInOrder() throws Exception {
        put(sim, "dbg", action(DOUBLER, null));
        JsonNode s = session("dbg");
        String id = s.get("sessionId").asText();
        try (CdpTestClient cdp = attachWithBreakpoint(s, 1)) {
            String first = sim.guest().post("/api/v1/namespaces/_/actions/dbg", "{\"n\":1}").json().get("activationId").asText();
            String second = sim.guest().post("/api/v1/namespaces/_/actions/dbg", "{\"n\":2}").json().get("activationId").asText();

            cdp.await("Debugger.paused", WAIT, p -> true);
            assertEquals(first, sim.guest().get(DEBUG + "/" + id).json().get("activationId").asText());
            cdp.call("Debugger.resume");
            cdp.await("Debugger.paused", WAIT, p -> true);
            assertEquals(second, sim.guest().get(DEBUG + "/" + id).json().get("activationId").asText());
            cdp.call("Debugger.resume");

            JsonNode a = Poll.until(WAIT, "the first record",
                    () -> sim.guest().get("/api/v1/namespaces/_/activations/" + first), r -> r.status() == 200).json();
            JsonNode b = Poll.until(WAIT, "the second record",
                    () -> sim.guest().get("/api/v1/namespaces/_/activations/" + second), r -> r.status() == 200).json();
            assertEquals(2, a.at("/response/result/doubled").asInt());
            assertEquals(4, b.at("/response/result/doubled").asInt());
            assertTrue(b.get("start").asLong() >= a.get("end").asLong(), "one at a time: " + a + " " + b);
            assertTrue(annotation(b, "waitTime").asLong() > 0, "the second waited for the first");
        }
    }

    @Test
    void deletingTheSessionRemovesTheProcessAndCrashesTheActivationItHeld() throws Exception {
        put(sim, "dbg", action(DOUBLER, null));
        try (DebugEventStream events = new DebugEventStream(sim.sim().apiHost(), Credential.GUEST.auth())) {
            JsonNode s = session("dbg");
            String id = s.get("sessionId").asText();
            try (CdpTestClient cdp = attachWithBreakpoint(s, 1)) {
                CompletableFuture<Reply> call = invokeInBackground("dbg", "", "{\"n\":1}");
                cdp.await("Debugger.paused", WAIT, p -> true);

                Reply deleted = sim.guest().delete(DEBUG + "/" + id);

                assertEquals(200, deleted.status(), deleted.text());
                assertEquals("ended", deleted.json().get("state").asText());
                assertFalse(alive(s), "the process is gone when DELETE answers");
                Reply crashed = call.get(10, TimeUnit.SECONDS);
                assertEquals(502, crashed.status(), crashed.text());
                assertEquals("The action did not produce a valid response and exited unexpectedly.",
                        crashed.json().at("/response/result/error").asText());
                JsonNode ended = events.next(WAIT, e -> "ended".equals(e.path("state").asText()));
                assertEquals("deleted", ended.get("reason").asText());
                assertEquals(404, sim.guest().get(DEBUG + "/" + id).status());
            }
            Reply after = invokeBlocking(sim, "dbg", "", "{\"n\":5}");
            assertEquals(200, after.status(), after.text());
            assertNotEquals(s.get("containerId").asText(), after.json().at("/response/result/pid").asText(),
                    "back in the pool");
        }
    }

    @Test
    void killingTheDebugProcessEndsTheSession() throws Exception {
        put(sim, "dbg", action(DOUBLER, null));
        try (DebugEventStream events = new DebugEventStream(sim.sim().apiHost(), Credential.GUEST.auth())) {
            JsonNode s = session("dbg");
            String id = s.get("sessionId").asText();

            ProcessHandle.of(Long.parseLong(s.get("containerId").asText())).orElseThrow().destroyForcibly();

            JsonNode ended = events.next(WAIT, e -> "ended".equals(e.path("state").asText()));
            assertEquals(id, ended.get("sessionId").asText());
            assertEquals("container-exited", ended.get("reason").asText());
            assertFalse(ended.get("message").asText().isEmpty());
            assertEquals(404, sim.guest().get(DEBUG + "/" + id).status());
            assertEquals(0, sim.guest().get(DEBUG).json().size());
            assertEquals(200, invokeBlocking(sim, "dbg", "", "{\"n\":1}").status(), "the pool runs it again");
        }
    }

    @Test
    void theTimeLimitStillRunsWhileTheDebuggerDoesNotHoldTheProcess() throws Exception {
        put(sim, "spin", action("function main() { while (true) {} }", "{\"timeout\":1000}"));
        try (DebugEventStream events = new DebugEventStream(sim.sim().apiHost(), Credential.GUEST.auth())) {
            JsonNode s = session("spin");

            Reply r = invokeBlocking(sim, "spin", "", "{}");

            assertEquals(502, r.status(), r.text());
            assertEquals("The action exceeded its time limits of 1000 milliseconds.", r.json().at("/response/result/error").asText());
            assertTrue(annotation(r.json(), "timeout").asBoolean());
            assertEquals("timeout", events.next(WAIT, e -> "ended".equals(e.path("state").asText())).get("reason").asText());
            Poll.until(WAIT, "the spinning process killed", () -> !alive(s));
        }
    }

    @Test
    void theSessionApiRefusesWhatItCannotDo() {
        put(sim, "dbg", action(DOUBLER, null));
        Reply seq = sim.guest().put("/api/v1/namespaces/_/actions/seq",
                "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"/guest/dbg\"]}}");
        assertEquals(200, seq.status(), seq.text());

        assertEquals(404, sim.guest().post(DEBUG, "{\"action\":\"nothere\"}").status());
        assertEquals(404, sim.guest().post(DEBUG, "{\"action\":\"nopkg/dbg\"}").status());
        Reply sequence = sim.guest().post(DEBUG, "{\"action\":\"seq\"}");
        assertEquals(400, sequence.status());
        assertTrue(sequence.error().contains("sequence"), sequence.text());
        assertEquals(400, sim.guest().post(DEBUG, "{}").status());
        assertEquals(400, sim.guest().post(DEBUG, "{\"action\":\"a/b/c\"}").status());
        assertEquals(400, sim.guest().post(DEBUG, "not json").status());
        assertEquals(401, sim.anonymous().post(DEBUG, "{\"action\":\"dbg\"}").status());

        JsonNode s = session("dbg");
        String id = s.get("sessionId").asText();
        Reply twice = sim.guest().post(DEBUG, "{\"action\":\"dbg\"}");
        assertEquals(409, twice.status(), twice.text());
        assertFalse(twice.json().path("code").asText().isEmpty() && twice.error().isEmpty());
        assertEquals(400, sim.guest().put(DEBUG + "/" + id + "/paused", "{\"paused\":\"yes\"}").status());
        assertEquals(404, sim.guest().get(DEBUG + "/0123456789abcdef0123456789abcdef").status());
        assertEquals(404, setPaused(sim, "0123456789abcdef0123456789abcdef", true).status());
        assertEquals(404, sim.guest().delete(DEBUG + "/0123456789abcdef0123456789abcdef").status());
        assertEquals(200, sim.guest().delete(DEBUG + "/" + id).status());
        assertEquals(404, sim.guest().delete(DEBUG + "/" + id).status(), "ended once");
    }

    @Test
    void closingTheSimulatorEndsItsSessionsAndTheirProcesses() {
        put(sim, "dbg", action(DOUBLER, null));
        JsonNode s = session("dbg");

        sim.close();

        assertFalse(alive(s));
        assertEquals(0, sim.sim().debugSessions().count());
    }
}
