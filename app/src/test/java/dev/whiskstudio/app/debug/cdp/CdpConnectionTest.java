package dev.whiskstudio.app.debug.cdp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.debug.NodeScript;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The protocol client against a real Node.js inspector (and a socket that never answers). */
class CdpConnectionTest {
    private static final long WAIT = 10;

    @TempDir
    Path dir;
    private NodeScript node;
    private CdpConnection connection;

    @BeforeEach
    void startNode() throws Exception {
        assumeTrue(NodeScript.nodeOnPath(), "node is not on the PATH");
        Path script = dir.resolve("idle.js");
        Files.writeString(script, String.join("\n",
                "globalThis.answer = 42;",
                "function tick() {",
                "  let sum = 0;",
                "  for (let i = 0; i < 1000; i++) {",
                "    sum += i;",
                "  }",
                "  return sum;",
                "}",
                "setInterval(tick, 20);",
                ""));
        node = NodeScript.start(script);
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private CdpConnection connect(Duration commandTimeout) throws Exception {
        connection = CdpConnection.open(new OkHttpClient(), node.inspectorUrl(), Duration.ofSeconds(5),
                commandTimeout).get(WAIT, TimeUnit.SECONDS);
        return connection;
    }

    @Test
    void answersComeBackToTheirCommandsAndEventsToTheirListeners() throws Exception {
        CdpConnection c = connect(Duration.ofSeconds(5));
        List<ScriptParsed> scripts = new CopyOnWriteArrayList<>();
        c.on(ScriptParsed.EVENT, ScriptParsed.class, scripts::add);

        // several commands in flight at once, each answer to its own future
        CompletableFuture<JsonNode> one = c.send("Runtime.evaluate", Map.of("expression", "1 + 1"));
        CompletableFuture<JsonNode> two = c.send("Runtime.evaluate", Map.of("expression", "'a'.repeat(3)"));
        CompletableFuture<JsonNode> enabled = c.send(Commands.DEBUGGER_ENABLE);
        assertEquals(2, one.get(WAIT, TimeUnit.SECONDS).path("result").path("value").asInt());
        assertEquals("aaa", two.get(WAIT, TimeUnit.SECONDS).path("result").path("value").asText());
        assertTrue(enabled.get(WAIT, TimeUnit.SECONDS).has("debuggerId"));
        assertTrue(scripts.stream().anyMatch(s -> s.url().startsWith("node:")),
                "Debugger.enable reports the scripts parsed so far before it answers");
        CompletableFuture<ScriptParsed> userScript = new CompletableFuture<>();
        c.on(ScriptParsed.EVENT, ScriptParsed.class, s -> {
            if (s.url().endsWith("/idle.js")) {
                userScript.complete(s);
            }
        });
        c.send(Commands.RUN_IF_WAITING).get(WAIT, TimeUnit.SECONDS);
        assertTrue(userScript.get(WAIT, TimeUnit.SECONDS).url().startsWith("file://"));

        EvaluateResult typed = c.send("Runtime.evaluate", Map.of("expression", "({a: 1})"), EvaluateResult.class)
                .get(WAIT, TimeUnit.SECONDS);
        assertEquals("object", typed.result().type());
        assertTrue(typed.result().objectId() != null);
    }

    @Test
    void eventsThatFollowAnAnswerDoNotWaitForADelayedAcknowledgement() throws Exception {
        CdpConnection c = connect(Duration.ofSeconds(5));
        java.util.concurrent.BlockingQueue<Paused> pauses = new java.util.concurrent.LinkedBlockingQueue<>();
        c.on(Paused.EVENT, Paused.class, pauses::add);
        c.send(Commands.DEBUGGER_ENABLE).get(WAIT, TimeUnit.SECONDS);
        String bp = c.send(SetBreakpointByUrl.METHOD, new SetBreakpointByUrl.Params(4, null, "idle\\.js$", null,
                null), SetBreakpointByUrl.Result.class).get(WAIT, TimeUnit.SECONDS).breakpointId();
        c.send(Commands.RUN_IF_WAITING).get(WAIT, TimeUnit.SECONDS);
        assertEquals("Break on start", pauses.poll(WAIT, TimeUnit.SECONDS).reason());
        c.send(Commands.RESUME).get(WAIT, TimeUnit.SECONDS);
        assertEquals(List.of(bp), pauses.poll(WAIT, TimeUnit.SECONDS).hitBreakpoints());
        c.send(RemoveBreakpoint.METHOD, new RemoveBreakpoint(bp)).get(WAIT, TimeUnit.SECONDS);

        // the answer, Debugger.resumed and Debugger.paused come as three writes of the inspector: without our quick
        // acknowledgement the last two would wait 40 ms in its Nagle buffer (Linux's delayed ACK)
        List<Long> millis = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long t0 = System.nanoTime();
            c.send(Commands.STEP_OVER);
            Paused p = pauses.poll(WAIT, TimeUnit.SECONDS);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            assertTrue(p != null && p.callFrames().get(0).functionName().equals("tick"));
        }
        millis.sort(null);
        assertTrue(millis.get(10) < 20, "step round trips (ms): " + millis);
    }

    @Test
    void aProtocolErrorFailsTheCommandWithItsCodeAndMessage() throws Exception {
        CdpConnection c = connect(Duration.ofSeconds(5));
        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> c.send("Nope.nothing").get(WAIT, TimeUnit.SECONDS));
        CdpException e = assertInstanceOf(CdpException.class, unknown.getCause());
        assertEquals(-32601, e.code());
        assertTrue(e.isProtocolError());
        assertTrue(e.getMessage().contains("Nope.nothing"), e.getMessage());

        ExecutionException notPaused = assertThrows(ExecutionException.class,
                () -> c.send(Commands.DEBUGGER_ENABLE).thenCompose(x -> c.send(Commands.STEP_OVER))
                        .get(WAIT, TimeUnit.SECONDS));
        assertTrue(notPaused.getCause().getMessage().contains("paused"), notPaused.getCause().getMessage());
        assertTrue(c.isOpen(), "an error answer leaves the connection up");
    }

    @Test
    void aCommandWithoutAnswerTimesOutAndCloseFailsTheOnesPending() throws Exception {
        CdpConnection c = connect(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        // a promise that never settles (held, so never collected): only the client's own time bound ends the wait
        ExecutionException late = assertThrows(ExecutionException.class, () -> c.send("Runtime.evaluate",
                Map.of("expression", "globalThis.held = new Promise(() => {})", "awaitPromise", true))
                .get(WAIT, TimeUnit.SECONDS));
        assertEquals(CdpException.TIMEOUT, ((CdpException) late.getCause()).code());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3));
        c.close();
        connection = null;

        CdpConnection patient = connect(Duration.ofSeconds(30));
        CompletableFuture<JsonNode> pending = patient.send("Runtime.evaluate",
                Map.of("expression", "globalThis.held = new Promise(() => {})", "awaitPromise", true));
        patient.close();
        ExecutionException closed = assertThrows(ExecutionException.class, () -> pending.get(1, TimeUnit.SECONDS));
        assertEquals(CdpException.CLOSED, ((CdpException) closed.getCause()).code());
        assertTrue(patient.closed().get(1, TimeUnit.SECONDS).byClient());
        ExecutionException after = assertThrows(ExecutionException.class,
                () -> patient.send("Runtime.evaluate", Map.of("expression", "1")).get(1, TimeUnit.SECONDS));
        assertEquals(CdpException.CLOSED, ((CdpException) after.getCause()).code());
    }

    @Test
    void theProcessEndingClosesTheConnectionWithAReason() throws Exception {
        CdpConnection c = connect(Duration.ofSeconds(30));
        CompletableFuture<JsonNode> pending = c.send("Runtime.evaluate",
                Map.of("expression", "new Promise(r => setTimeout(r, 20000))", "awaitPromise", true));
        node.kill();
        CloseReason reason = c.closed().get(WAIT, TimeUnit.SECONDS);
        assertFalse(reason.byClient());
        assertFalse(c.isOpen());
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(1, TimeUnit.SECONDS));
        assertEquals(CdpException.CLOSED, ((CdpException) e.getCause()).code());
    }

    @Test
    void connectingIsBoundedWhenNobodyAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000); // accepts, never answers the upgrade
                } catch (Exception gone) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long t0 = System.nanoTime();
            ExecutionException e = assertThrows(ExecutionException.class, () -> CdpConnection.open(
                    "ws://127.0.0.1:" + silent.getLocalPort() + "/x", Duration.ofMillis(500))
                    .get(WAIT, TimeUnit.SECONDS));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertInstanceOf(CdpException.class, e.getCause());
            assertTrue(ms < 3000, "gave up after " + ms + " ms");
            assertTrue(e.getCause().getMessage().contains("did not answer within 500 ms"), e.getCause().getMessage());
        }
    }

    @Test
    void aRefusedConnectionFailsAtOnce() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> CdpConnection.open(
                "ws://127.0.0.1:" + port + "/gone", Duration.ofSeconds(5)).get(WAIT, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith("Cannot connect to the debugger at ws://127.0.0.1:" + port),
                e.getCause().getMessage());
    }
}
