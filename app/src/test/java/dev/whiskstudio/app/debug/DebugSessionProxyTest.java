package dev.whiskstudio.app.debug;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A debug session on our action proxy, started as a container of the process backend is, with the inspector on:
 * an inline action initialised, a breakpoint set by the script URL of its code, an activation run into it.
 */
class DebugSessionProxyTest {
    private static final long WAIT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ACTION = String.join("\n",
            "function greet(name) {",                                   // 1
            "  const message = 'Hello, ' + name + '!';",                // 2
            "  return message;",                                        // 3
            "}",                                                        // 4
            "function main(params) {",                                  // 5
            "  const who = params.name || 'world';",                    // 6
            "  const text = greet(who);",                               // 7
            "  return { greeting: text };",                             // 8
            "}",                                                        // 9
            "");

    @TempDir
    Path dir;
    private LocalProxyBackend backend;
    private DebugSession session;

    @BeforeEach
    void needsNode() {
        assumeTrue(NodeScript.nodeOnPath(), "node is not on the PATH");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (session != null) {
            session.close().get(WAIT, TimeUnit.SECONDS);
        }
        if (backend != null) {
            backend.stop(null);
        }
    }

    private Path launchInline(String code) throws Exception {
        Path file = dir.resolve("hello.js");
        Files.writeString(file, code);
        backend = new LocalProxyBackend(dir, LocalProxyBackend.ActionCode.inline(code));
        session = new DebugSession(DebugSessionOptions.defaults(Runnable::run));
        session.launch(backend, target -> SourceMapping.inlineAction(file, target.scriptUrl()))
                .get(WAIT, TimeUnit.SECONDS);
        return file;
    }

    @Test
    void breakpointSetByTheActionsScriptUrlStopsTheActivationAtItsLine() throws Exception {
        Path file = launchInline(ACTION);
        DebugTarget target = session.target().orElseThrow();
        assertTrue(session.scriptUrls().contains(target.scriptUrl()),
                "the inspector reported the action's code as " + target.scriptUrl() + ": " + session.scriptUrls());
        BreakpointStatus status = session.setBreakpoint(Breakpoint.at(file, 7)).get(WAIT, TimeUnit.SECONDS);
        assertEquals(BreakpointStatus.State.BOUND, status.state(), "the code was parsed at /init");

        CompletableFuture<PausedState> pause = session.nextPause();
        CompletableFuture<LocalProxyBackend.Reply> reply = backend.run(JSON.createObjectNode().put("name", "Ada"));
        PausedState paused = pause.get(WAIT, TimeUnit.SECONDS);

        assertEquals(PauseReason.BREAKPOINT, paused.reason());
        assertEquals(file, paused.location().orElseThrow().file());
        assertEquals(7, paused.location().orElseThrow().line());
        StackFrame main = paused.topFrame();
        assertEquals("main", main.functionName());
        assertFalse(main.runtime());
        List<StackFrame> below = paused.frames().subList(1, paused.frames().size());
        assertFalse(below.isEmpty());
        assertTrue(below.stream().allMatch(StackFrame::runtime), "the proxy's frames are marked: " + below);
        assertTrue(below.stream().anyMatch(f -> f.scriptUrl().endsWith("/action-host.js")), below.toString());
        assertFalse(reply.isDone(), "the activation waits while paused");
        waitUntil(() -> backend.pausedCalls().equals(List.of(true)), "the backend was told it is paused");

        assertEquals("\"Ada\"", session.evaluate("who", main, EvalPurpose.HOVER).get(WAIT, TimeUnit.SECONDS).text());
        FrameScope local = main.scopes().get(0);
        Variable params = session.variables(local).get(WAIT, TimeUnit.SECONDS).stream()
                .filter(v -> v.name().equals("params")).findFirst().orElseThrow();
        assertEquals("{name: \"Ada\"}", params.valueText());

        PausedState inGreet = step(session::stepInto);
        assertEquals("greet", inGreet.topFrame().functionName());
        assertEquals(2, inGreet.location().orElseThrow().line());
        PausedState back = step(session::stepOut);
        assertEquals("main", back.topFrame().functionName());
        assertEquals(8, back.location().orElseThrow().line(), "the statement after the call");
        assertEquals("\"Hello, Ada!\"", session.evaluate("text", back.topFrame(), EvalPurpose.WATCH)
                .get(WAIT, TimeUnit.SECONDS).text());

        session.resume().get(WAIT, TimeUnit.SECONDS);
        LocalProxyBackend.Reply answer = reply.get(WAIT, TimeUnit.SECONDS);
        assertEquals(200, answer.status());
        assertEquals("Hello, Ada!", answer.body().path("greeting").asText());
        waitUntil(() -> !backend.pausedCalls().isEmpty()
                && !backend.pausedCalls().get(backend.pausedCalls().size() - 1), "the backend was told it runs");
        assertEquals(DebugState.RUNNING, session.state());
    }

    @Test
    void steppingPastTheActionsEndRunsThroughTheRuntimeAndFinishesTheActivation() throws Exception {
        Path file = launchInline(ACTION);
        session.setBreakpoint(Breakpoint.at(file, 8)).get(WAIT, TimeUnit.SECONDS);
        CompletableFuture<PausedState> pause = session.nextPause();
        CompletableFuture<LocalProxyBackend.Reply> reply = backend.run(JSON.createObjectNode().put("name", "Bo"));
        assertEquals(8, pause.get(WAIT, TimeUnit.SECONDS).location().orElseThrow().line());

        CompletableFuture<PausedState> after = session.nextPause();
        session.stepOver().get(WAIT, TimeUnit.SECONDS);
        PausedState atEnd = after.get(WAIT, TimeUnit.SECONDS);
        assertEquals("main", atEnd.topFrame().functionName(), "the return statement's end");
        assertFalse(reply.isDone());

        CompletableFuture<PausedState> beyond = session.nextPause();
        session.stepOver().get(WAIT, TimeUnit.SECONDS);
        // past the action's end only the proxy and Node.js run: the step does not stop in them
        assertEquals("Hello, Bo!", reply.get(WAIT, TimeUnit.SECONDS).body().path("greeting").asText());
        assertFalse(beyond.isDone(), "no pause in runtime code: " + beyond.getNow(null));
        waitUntil(() -> session.state() == DebugState.RUNNING, "running");

        session.removeBreakpoint(file, 8).get(WAIT, TimeUnit.SECONDS);
        CompletableFuture<PausedState> stray = session.nextPause();
        assertEquals(200, backend.run(JSON.createObjectNode()).get(WAIT, TimeUnit.SECONDS).status());
        assertFalse(stray.isDone(), "no step left over stops the next activation: " + stray.getNow(null));
    }

    @Test
    void theNextActivationStopsAgainAndTheActionsConsoleIsCaptured() throws Exception {
        Path file = launchInline(ACTION.replace("  return { greeting: text };",
                "  console.log('greeting', who, { n: 1 }); return { greeting: text };"));
        session.setBreakpoint(Breakpoint.at(file, 3)).get(WAIT, TimeUnit.SECONDS);
        for (String name : List.of("one", "two")) {
            CompletableFuture<PausedState> pause = session.nextPause();
            CompletableFuture<LocalProxyBackend.Reply> reply = backend.run(JSON.createObjectNode().put("name", name));
            PausedState paused = pause.get(WAIT, TimeUnit.SECONDS);
            assertEquals(3, paused.location().orElseThrow().line());
            assertEquals("\"Hello, " + name + "!\"", session.evaluate("message", paused.topFrame(),
                    EvalPurpose.WATCH).get(WAIT, TimeUnit.SECONDS).text());
            session.resume().get(WAIT, TimeUnit.SECONDS);
            assertEquals("Hello, " + name + "!", reply.get(WAIT, TimeUnit.SECONDS).body().path("greeting").asText());
        }
        waitUntil(() -> session.consoleMessages().size() == 2, "both activations' logs");
        ConsoleMessage log = session.consoleMessages().get(1);
        assertEquals("greeting two {n: 1}", log.text());
        assertEquals(8, log.location().line());
        assertEquals(file, log.location().file());
    }

    @Test
    void closingTheSessionStopsTheContainerAndLeavesNoProcess() throws Exception {
        Path file = launchInline(ACTION);
        session.setBreakpoint(Breakpoint.at(file, 2)).get(WAIT, TimeUnit.SECONDS);
        CompletableFuture<PausedState> pause = session.nextPause();
        CompletableFuture<LocalProxyBackend.Reply> reply = backend.run(JSON.createObjectNode());
        pause.get(WAIT, TimeUnit.SECONDS);
        Process process = backend.process();

        SessionEnd end = session.close().get(WAIT, TimeUnit.SECONDS);

        assertEquals(new SessionEnd(SessionEnd.Kind.CLOSED, "The debug session was closed."), end);
        assertTrue(backend.stopped());
        assertFalse(process.isAlive(), "the container's process is gone");
        assertTrue(process.descendants().findAny().isEmpty());
        ExecutionException run = assertThrows(ExecutionException.class, () -> reply.get(WAIT, TimeUnit.SECONDS));
        assertNotNull(run.getCause(), "the activation in it failed rather than hung");
    }

    @Test
    void containerKilledWhilePausedEndsTheSessionCleanly() throws Exception {
        Path file = launchInline(ACTION);
        session.setBreakpoint(Breakpoint.at(file, 6)).get(WAIT, TimeUnit.SECONDS);
        CompletableFuture<PausedState> pause = session.nextPause();
        CompletableFuture<LocalProxyBackend.Reply> reply = backend.run(JSON.createObjectNode());
        pause.get(WAIT, TimeUnit.SECONDS);

        backend.process().destroyForcibly();

        SessionEnd end = session.ended().get(WAIT, TimeUnit.SECONDS);
        assertEquals(SessionEnd.Kind.DISCONNECTED, end.kind());
        assertTrue(backend.stopped(), "the backend was asked to clean up");
        assertThrows(ExecutionException.class, () -> reply.get(WAIT, TimeUnit.SECONDS));
        ExecutionException step = assertThrows(ExecutionException.class,
                () -> session.stepOver().get(WAIT, TimeUnit.SECONDS));
        assertEquals("The debug session has ended: " + end.message(), step.getCause().getMessage());
    }

    @Test
    void anActionThatThrowsPausesAtTheThrowWithAllExceptions() throws Exception {
        Path file = launchInline(String.join("\n",
                "function main(params) {",
                "  if (!params.ok) {",
                "    throw new Error('not ok');",
                "  }",
                "  return {};",
                "}",
                ""));
        session.setExceptionPause(ExceptionPause.ALL).get(WAIT, TimeUnit.SECONDS);
        CompletableFuture<PausedState> pause = session.nextPause();
        CompletableFuture<LocalProxyBackend.Reply> reply = backend.run(JSON.createObjectNode());
        PausedState paused = pause.get(WAIT, TimeUnit.SECONDS);
        assertEquals(PauseReason.EXCEPTION, paused.reason());
        assertEquals(new UserLocation(file, 3, 5), paused.location().orElseThrow());
        assertEquals("Paused on exception: Error: not ok", paused.description());
        session.resume().get(WAIT, TimeUnit.SECONDS);
        LocalProxyBackend.Reply answer = reply.get(WAIT, TimeUnit.SECONDS);
        assertEquals(502, answer.status());
        assertEquals("An error has occurred: Error: not ok", answer.body().path("error").asText());
    }

    @Test
    void zipActionBreakpointsMapByTheirPathInTheArchive() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("lib"));
        Files.writeString(project.resolve("index.js"), String.join("\n",
                "const calc = require('./lib/calc');",
                "exports.main = function (params) {",
                "  return { sum: calc.add(params.a, params.b) };",
                "};",
                ""));
        Path calc = project.resolve("lib").resolve("calc.js");
        Files.writeString(calc, String.join("\n",
                "exports.add = function (a, b) {",
                "  const sum = a + b;",
                "  return sum;",
                "};",
                ""));
        backend = new LocalProxyBackend(dir.resolve("scratch").toFile().mkdirs() ? dir.resolve("scratch")
                : dir.resolve("scratch"), LocalProxyBackend.ActionCode.zipOf(project, "main"));
        session = new DebugSession(DebugSessionOptions.defaults(Runnable::run));
        session.setBreakpoint(Breakpoint.at(calc, 3)).get(WAIT, TimeUnit.SECONDS);
        session.launch(backend, target -> SourceMapping.archiveUnder(project, target.workDir()))
                .get(WAIT, TimeUnit.SECONDS);
        assertEquals(BreakpointStatus.State.BOUND, session.breakpointStatuses().get(0).state(),
                session.breakpointStatuses().toString());

        CompletableFuture<PausedState> pause = session.nextPause();
        CompletableFuture<LocalProxyBackend.Reply> reply = backend.run(JSON.createObjectNode().put("a", 2).put("b", 3));
        PausedState paused = pause.get(WAIT, TimeUnit.SECONDS);
        assertEquals(calc, paused.location().orElseThrow().file());
        assertEquals(3, paused.location().orElseThrow().line());
        assertEquals(project.resolve("index.js"), paused.frames().get(1).userLocation().file());
        assertEquals("5", session.evaluate("sum", paused.topFrame(), EvalPurpose.WATCH).get(WAIT, TimeUnit.SECONDS)
                .text());
        session.resume().get(WAIT, TimeUnit.SECONDS);
        assertEquals(5, reply.get(WAIT, TimeUnit.SECONDS).body().path("sum").asInt());
    }

    @Test
    void aBackendThatCannotStartFailsTheSessionWithItsReason() throws Exception {
        Path file = dir.resolve("broken.js");
        Files.writeString(file, "function main( {");
        backend = new LocalProxyBackend(dir, LocalProxyBackend.ActionCode.inline("function main( {"));
        session = new DebugSession(DebugSessionOptions.defaults(Runnable::run));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> session.launch(backend,
                target -> SourceMapping.inlineAction(file, target.scriptUrl())).get(WAIT, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getMessage().contains("/init failed"), failed.getCause().getMessage());
        SessionEnd end = session.ended().get(WAIT, TimeUnit.SECONDS);
        assertEquals(SessionEnd.Kind.FAILED, end.kind());
        assertTrue(end.message().startsWith("The debug session could not start: /init failed"), end.message());
        assertFalse(backend.process().isAlive());
    }

    @Test
    void aBackendTooSlowToStartFailsInTimeAndItsLateTargetIsStillStopped() throws Exception {
        backend = new LocalProxyBackend(dir, LocalProxyBackend.ActionCode.inline(ACTION));
        CompletableFuture<Process> started = new CompletableFuture<>();
        DebugBackend slow = new DebugBackend() {
            @Override
            public DebugTarget start() throws java.io.IOException {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                DebugTarget target = backend.start();
                started.complete(backend.process());
                return target;
            }

            @Override
            public void setPaused(DebugTarget target, boolean paused) {
            }

            @Override
            public void stop(DebugTarget target) {
                backend.stop(target);
            }
        };
        session = new DebugSession(DebugSessionOptions.defaults(Runnable::run)
                .withStartTimeout(java.time.Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> session.launch(slow,
                target -> SourceMapping.none()).get(WAIT, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "the start's bound held");
        assertEquals("The debug target did not start within 300 ms.", failed.getCause().getMessage());
        assertEquals(SessionEnd.Kind.FAILED, session.ended().get(WAIT, TimeUnit.SECONDS).kind());

        Process late = started.get(WAIT, TimeUnit.SECONDS);
        waitUntil(() -> !late.isAlive(), "the target that started after the session gave up was stopped");
    }

    @Test
    void attachingToNothingFailsTheSessionAtOnce() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        session = new DebugSession(DebugSessionOptions.defaults(Runnable::run));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> session.attach(
                "ws://127.0.0.1:" + port + "/none", SourceMapping.none()).get(WAIT, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getMessage().startsWith("Cannot connect to the debugger"),
                failed.getCause().getMessage());
        SessionEnd end = session.ended().get(WAIT, TimeUnit.SECONDS);
        assertEquals(SessionEnd.Kind.FAILED, end.kind());
        assertTrue(end.message().startsWith("Cannot attach the debugger: Cannot connect to the debugger at"),
                end.message());
    }

    private PausedState step(java.util.function.Supplier<CompletableFuture<Void>> command) throws Exception {
        CompletableFuture<PausedState> pause = session.nextPause();
        command.get().get(WAIT, TimeUnit.SECONDS);
        return pause.get(WAIT, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + " s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
