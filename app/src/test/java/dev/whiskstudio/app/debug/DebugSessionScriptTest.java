package dev.whiskstudio.app.debug;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A debug session on a plain Node.js script started with {@code --inspect-brk}: the protocol end to end. */
class DebugSessionScriptTest {
    private static final long WAIT = 10;

    /** Lines are numbered as the editor shows them; the tests name them below. */
    private static final String PROGRAM = String.join("\n",
            "function inner(x) {",                                                          // 1
            "  const doubled = x * 2;",                                                     // 2
            "  return doubled + 1;",                                                        // 3
            "}",                                                                            // 4
            "function outer(n) {",                                                          // 5
            "  const config = { name: 'demo', nested: { depth: 2, list: [1, 2, 3] } };",    // 6
            "  let total = 0;",                                                             // 7
            "  for (let i = 0; i < n; i++) {",                                              // 8
            "    total += inner(i);",                                                       // 9
            "  }",                                                                          // 10
            "  return total + config.nested.depth;",                                        // 11
            "}",                                                                            // 12
            "const result = outer(3);",                                                     // 13
            "console.log('result is', result);",                                            // 14
            "");

    private static final String THROWING = String.join("\n",
            "function risky(v) {",                                                          // 1
            "  if (v > 1) {",                                                               // 2
            "    throw new Error('too big: ' + v);",                                        // 3
            "  }",                                                                          // 4
            "  return v;",                                                                  // 5
            "}",                                                                            // 6
            "try {",                                                                        // 7
            "  risky(2);",                                                                  // 8
            "} catch (e) {",                                                                // 9
            "  console.log('caught', e.message);",                                          // 10
            "}",                                                                            // 11
            "setTimeout(() => risky(3), 10);",                                              // 12
            "");

    @TempDir
    Path dir;
    private NodeScript node;
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
        if (node != null) {
            node.close();
        }
    }

    private Path write(String name, String code) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, code);
        return file;
    }

    /** Starts {@code code} under the inspector with a session on it, with breakpoints set before it runs. */
    private Path attach(String code, Breakpoint... breakpoints) throws Exception {
        return attach(code, ExceptionPause.NONE, breakpoints);
    }

    private Path attach(String code, ExceptionPause exceptions, Breakpoint... breakpoints) throws Exception {
        Path file = write("app.js", code);
        node = NodeScript.start(file);
        session = new DebugSession(DebugSessionOptions.defaults(Runnable::run));
        for (Breakpoint bp : breakpoints) {
            session.setBreakpoint(new Breakpoint(file, bp.line(), bp.condition(), bp.logMessage()))
                    .get(WAIT, TimeUnit.SECONDS);
        }
        session.setExceptionPause(exceptions).get(WAIT, TimeUnit.SECONDS);
        return file;
    }

    private PausedState run(Path file) throws Exception {
        var pause = session.nextPause();
        session.attach(node.inspectorUrl(), SourceMapping.script(file)).get(WAIT, TimeUnit.SECONDS);
        return pause.get(WAIT, TimeUnit.SECONDS);
    }

    private PausedState step(java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> command)
            throws Exception {
        var pause = session.nextPause();
        command.get().get(WAIT, TimeUnit.SECONDS);
        return pause.get(WAIT, TimeUnit.SECONDS);
    }

    private static Breakpoint line(int line) {
        return Breakpoint.at(Path.of("placeholder"), line);
    }

    private static Variable named(List<Variable> variables, String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no variable " + name + " in " + variables));
    }

    @Test
    void breakpointStopsTheProgramAtItsLineWithTheCallStack() throws Exception {
        Path file = attach(PROGRAM, line(7));
        assertEquals(BreakpointStatus.State.WAITING, session.breakpointStatuses().get(0).state());

        PausedState paused = run(file);

        assertEquals(PauseReason.BREAKPOINT, paused.reason());
        assertEquals(file, paused.location().orElseThrow().file());
        assertEquals(7, paused.location().orElseThrow().line());
        assertEquals("outer", paused.topFrame().functionName());
        assertEquals(13, paused.frames().get(1).userLocation().line(), "the caller's line");
        assertEquals(List.of(Breakpoint.at(file, 7)), paused.hitBreakpoints());
        assertEquals(DebugState.PAUSED, session.state());
        BreakpointStatus status = session.breakpointStatuses().get(0);
        assertEquals(BreakpointStatus.State.BOUND, status.state());
        assertEquals(7, status.line());
        assertTrue(paused.frames().stream().skip(2).allMatch(StackFrame::runtime),
                "Node.js's module loader below the script is runtime code: " + paused.frames());
    }

    @Test
    void observableStateChangesOnlyOnTheUiExecutor() throws Exception {
        Path file = write("app.js", PROGRAM);
        node = NodeScript.start(file);
        java.util.concurrent.ExecutorService uiThread = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "fake-fx"));
        try {
            session = new DebugSession(DebugSessionOptions.defaults(uiThread));
            List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.CompletableFuture<PausedState> shown = new java.util.concurrent.CompletableFuture<>();
            uiThread.submit(() -> {
                session.stateProperty().addListener((o, a, b) -> threads.add(Thread.currentThread().getName()));
                session.breakpoints().addListener((javafx.collections.ListChangeListener<BreakpointStatus>) c ->
                        threads.add(Thread.currentThread().getName()));
                session.console().addListener((javafx.collections.ListChangeListener<ConsoleMessage>) c ->
                        threads.add(Thread.currentThread().getName()));
                session.pausedProperty().addListener((o, a, b) -> {
                    threads.add(Thread.currentThread().getName());
                    if (b != null) {
                        shown.complete(b);
                    }
                });
            }).get(WAIT, TimeUnit.SECONDS);
            session.setBreakpoint(Breakpoint.at(file, 14)).get(WAIT, TimeUnit.SECONDS);
            session.attach(node.inspectorUrl(), SourceMapping.script(file)).get(WAIT, TimeUnit.SECONDS);

            PausedState paused = shown.get(WAIT, TimeUnit.SECONDS);
            assertEquals(14, paused.location().orElseThrow().line());
            assertEquals(DebugState.PAUSED, uiThread.submit(() -> session.stateProperty().get())
                    .get(WAIT, TimeUnit.SECONDS));
            session.resume().get(WAIT, TimeUnit.SECONDS);
            session.ended().get(WAIT, TimeUnit.SECONDS);
            assertEquals(SessionEnd.Kind.FINISHED, uiThread.submit(() -> session.endProperty().get().kind())
                    .get(WAIT, TimeUnit.SECONDS));
            assertEquals(1, uiThread.submit(() -> session.console().size()).get(WAIT, TimeUnit.SECONDS));
            assertFalse(threads.isEmpty());
            assertTrue(threads.stream().allMatch("fake-fx"::equals), threads.toString());
        } finally {
            uiThread.shutdownNow();
        }
    }

    @Test
    void breakpointOnABlankLineBindsOnTheNextStatement() throws Exception {
        Path file = attach(PROGRAM, line(10));
        PausedState paused = run(file);
        assertEquals(11, paused.location().orElseThrow().line());
        assertEquals(11, session.breakpointStatuses().get(0).line(), "the status shows where the engine put it");
    }

    @Test
    void stepIntoOverAndOutMoveThroughTheCalls() throws Exception {
        Path file = attach(PROGRAM, line(9));
        PausedState at9 = run(file);
        assertEquals(9, at9.location().orElseThrow().line());

        PausedState into = step(session::stepInto);
        assertEquals(PauseReason.STEP, into.reason());
        assertEquals("inner", into.topFrame().functionName());
        assertEquals(2, into.location().orElseThrow().line());

        PausedState over = step(session::stepOver);
        assertEquals("inner", over.topFrame().functionName());
        assertEquals(3, over.location().orElseThrow().line());

        PausedState out = step(session::stepOut);
        assertEquals("outer", out.topFrame().functionName(), () -> out.pauseId() + " " + out.reason() + " "
                + out.topFrame().locationText() + " after " + over.pauseId());
        assertEquals(8, out.location().orElseThrow().line(),
                "back in the caller: the rest of line 9 has no statement, the loop's increment is next");

        PausedState header = step(session::stepOver);
        assertEquals("outer", header.topFrame().functionName());
        assertEquals(8, header.location().orElseThrow().line(), "the loop's condition");
        PausedState body = step(session::stepOver);
        assertEquals(9, body.location().orElseThrow().line(), "the loop's body again");
        assertEquals("1", session.evaluate("i", body.topFrame(), EvalPurpose.WATCH).get(WAIT, TimeUnit.SECONDS)
                .text());
    }

    @Test
    void stepIntoACallOfNodesOwnModulesGoesOnInTheUsersCode() throws Exception {
        Path file = attach(String.join("\n",
                "const util = require('util');",
                "function show(v) {",
                "  const text = util.format('v=%d', v);",
                "  return text.length;",
                "}",
                "show(5);",
                ""), line(3));
        run(file);
        PausedState next = step(session::stepInto);
        assertEquals(PauseReason.STEP, next.reason());
        assertEquals("show", next.topFrame().functionName(), "not inside node:util: " + next.topFrame());
        assertEquals(4, next.location().orElseThrow().line());
        assertEquals("\"v=5\"", session.evaluate("text", next.topFrame(), EvalPurpose.WATCH)
                .get(WAIT, TimeUnit.SECONDS).text());
    }

    @Test
    void variablesOfTheLocalScopeAndANestedObjectReadLazily() throws Exception {
        Path file = attach(PROGRAM, line(11));
        PausedState paused = run(file);
        StackFrame frame = paused.topFrame();
        FrameScope local = frame.scopes().stream().filter(s -> s.type().equals("local")).findFirst().orElseThrow();
        assertTrue(local.openByDefault());

        List<Variable> locals = session.variables(local).get(WAIT, TimeUnit.SECONDS);
        assertEquals("3", named(locals, "n").valueText());
        assertEquals("9", named(locals, "total").valueText());
        Variable config = named(locals, "config");
        assertTrue(config.value().isExpandable());
        assertEquals("{name: \"demo\", nested: {…}}", config.valueText());

        List<Variable> configProps = session.properties(config.value()).get(WAIT, TimeUnit.SECONDS);
        assertEquals("\"demo\"", named(configProps, "name").valueText());
        Variable nested = named(configProps, "nested");
        List<Variable> nestedProps = session.properties(nested.value()).get(WAIT, TimeUnit.SECONDS);
        assertEquals("2", named(nestedProps, "depth").valueText());
        Variable list = named(nestedProps, "list");
        assertEquals("array", list.value().subtype());
        List<Variable> items = session.properties(list.value()).get(WAIT, TimeUnit.SECONDS);
        assertEquals("3", named(items, "2").valueText());
        assertEquals("3", named(items, "length").valueText());
    }

    @Test
    void gettersAreListedWithoutBeingCalledAndReadOnRequest() throws Exception {
        Path file = attach(String.join("\n",
                "let calls = 0;",
                "const box = { plain: 1, get counted() { calls++; return 'read ' + calls; } };",
                "console.log(box.plain);",
                ""), line(3));
        PausedState paused = run(file);
        FrameScope module = paused.topFrame().scopes().get(0);
        Variable box = named(session.variables(module).get(WAIT, TimeUnit.SECONDS), "box");
        List<Variable> props = session.properties(box.value()).get(WAIT, TimeUnit.SECONDS);
        Variable counted = named(props, "counted");
        assertEquals(Variable.Kind.ACCESSOR, counted.kind());
        assertEquals("(...)", counted.valueText());
        assertEquals("0", session.evaluate("calls", paused.topFrame(), EvalPurpose.WATCH)
                .get(WAIT, TimeUnit.SECONDS).text(), "listing the properties called no getter");

        assertEquals("\"read 1\"", session.invokeGetter(counted).get(WAIT, TimeUnit.SECONDS).text());
    }

    @Test
    void evaluateInThePausedFrameShowsValuesAndExceptionsAsResults() throws Exception {
        Path file = attach(PROGRAM, line(11));
        PausedState paused = run(file);
        StackFrame frame = paused.topFrame();

        assertEquals("18", session.evaluate("total * 2", frame, EvalPurpose.CONSOLE).get(WAIT, TimeUnit.SECONDS)
                .text());
        assertEquals("3", session.evaluate("config.nested.list.length", frame, EvalPurpose.WATCH)
                .get(WAIT, TimeUnit.SECONDS).text());
        EvalResult object = session.evaluate("config.nested", frame, EvalPurpose.HOVER).get(WAIT, TimeUnit.SECONDS);
        assertFalse(object.thrown());
        assertTrue(object.value().isExpandable());

        EvalResult missing = session.evaluate("nope.x", frame, EvalPurpose.CONSOLE).get(WAIT, TimeUnit.SECONDS);
        assertTrue(missing.thrown());
        assertEquals("ReferenceError: nope is not defined", missing.error());

        EvalResult syntax = session.evaluate("total +", frame, EvalPurpose.CONSOLE).get(WAIT, TimeUnit.SECONDS);
        assertTrue(syntax.thrown());
        assertTrue(syntax.error().startsWith("SyntaxError"), syntax.error());

        EvalResult sideEffect = session.evaluate("total++", frame, EvalPurpose.HOVER).get(WAIT, TimeUnit.SECONDS);
        assertTrue(sideEffect.thrown(), "a hover must not change the program");
        assertEquals("9", session.evaluate("total", frame, EvalPurpose.HOVER).get(WAIT, TimeUnit.SECONDS).text());

        // the caller's frame has its own scope
        assertEquals("undefined", session.evaluate("typeof total", paused.frames().get(1), EvalPurpose.CONSOLE)
                .get(WAIT, TimeUnit.SECONDS).value().text().replace("\"", ""));
    }

    @Test
    void conditionalBreakpointStopsOnlyWhenTheConditionHolds() throws Exception {
        Path file = attach(PROGRAM, Breakpoint.conditional(Path.of("x"), 3, "doubled > 2"));
        PausedState paused = run(file);
        assertEquals(3, paused.location().orElseThrow().line());
        assertEquals("2", session.evaluate("x", paused.topFrame(), EvalPurpose.WATCH).get(WAIT, TimeUnit.SECONDS)
                .text(), "x = 0 and 1 give doubled <= 2 and ran through");
    }

    @Test
    void logpointLogsWithoutStopping() throws Exception {
        Path file = attach(PROGRAM, Breakpoint.logpoint(Path.of("x"), 3, "x={x} doubled={doubled} 100%"));
        session.attach(node.inspectorUrl(), SourceMapping.script(file)).get(WAIT, TimeUnit.SECONDS);

        SessionEnd end = session.ended().get(WAIT, TimeUnit.SECONDS);
        assertEquals(SessionEnd.Kind.FINISHED, end.kind(), end.message());
        List<String> texts = session.consoleMessages().stream().map(ConsoleMessage::text).toList();
        assertEquals(List.of("x=0 doubled=0 100%", "x=1 doubled=2 100%", "x=2 doubled=4 100%", "result is 11"), texts);
        ConsoleMessage logged = session.consoleMessages().get(0);
        assertEquals(3, logged.location().line(), "the logpoint's message is placed at its line");
        assertTrue(node.exited(Duration.ofSeconds(WAIT)), "the program ended once the session let it go");
    }

    @Test
    void pauseOnAllExceptionsStopsAtCaughtAndUncaughtThrows() throws Exception {
        Path file = attach(THROWING, ExceptionPause.ALL);
        PausedState caught = run(file);
        assertEquals(PauseReason.EXCEPTION, caught.reason());
        assertEquals(3, caught.location().orElseThrow().line());
        assertFalse(caught.uncaught());
        assertEquals("Paused on exception: Error: too big: 2", caught.description());

        PausedState uncaught = step(session::resume);
        assertEquals(PauseReason.EXCEPTION, uncaught.reason());
        assertTrue(uncaught.uncaught());
        assertTrue(uncaught.exception().text().contains("too big: 3"), uncaught.exception().text());

        session.resume().get(WAIT, TimeUnit.SECONDS);
        SessionEnd end = session.ended().get(WAIT, TimeUnit.SECONDS);
        assertTrue(end.kind() == SessionEnd.Kind.DISCONNECTED || end.kind() == SessionEnd.Kind.FINISHED, end.toString());
        assertTrue(session.consoleMessages().stream().anyMatch(m -> m.source() == ConsoleMessage.Source.EXCEPTION
                && m.text().contains("too big: 3") && m.location() != null && m.location().line() == 3),
                "the crash is in the console: " + session.consoleMessages());
    }

    @Test
    void pauseOnUncaughtExceptionsSkipsTheCaughtOne() throws Exception {
        Path file = attach(THROWING, ExceptionPause.UNCAUGHT);
        PausedState paused = run(file);
        assertEquals(PauseReason.EXCEPTION, paused.reason());
        assertTrue(paused.uncaught());
        assertEquals("Paused on exception: Error: too big: 3", paused.description());
        assertTrue(session.consoleMessages().stream().anyMatch(m -> m.text().equals("caught too big: 2")));
    }

    @Test
    void commandsWhileRunningFailAtOnceAndPauseStopsTheProgram() throws Exception {
        Path file = attach("let ticks = 0;\nsetInterval(() => { ticks++; }, 5);\n");
        session.attach(node.inspectorUrl(), SourceMapping.script(file)).get(WAIT, TimeUnit.SECONDS);
        assertEquals(DebugState.RUNNING, session.state());

        long t0 = System.nanoTime();
        ExecutionException step = assertThrows(ExecutionException.class,
                () -> session.stepOver().get(WAIT, TimeUnit.SECONDS));
        assertInstanceOf(DebugException.class, step.getCause());
        assertEquals("The program is not paused.", step.getCause().getMessage());
        ExecutionException vars = assertThrows(ExecutionException.class,
                () -> session.variables(new FrameScope(1, "local", null, "1")).get(WAIT, TimeUnit.SECONDS));
        assertEquals("The program is not paused.", vars.getCause().getMessage());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "failed fast");

        PausedState paused = step(session::pause);
        assertEquals(PauseReason.PAUSE_REQUEST, paused.reason());
        session.resume().get(WAIT, TimeUnit.SECONDS);
        assertEquals(DebugState.RUNNING, session.state());
    }

    @Test
    void processKilledWhilePausedEndsTheSessionWithAMessage() throws Exception {
        Path file = attach(PROGRAM, line(9));
        run(file);
        var nextPause = session.nextPause();

        node.kill();

        SessionEnd end = session.ended().get(WAIT, TimeUnit.SECONDS);
        assertEquals(SessionEnd.Kind.DISCONNECTED, end.kind());
        assertEquals("The debugged process ended: the connection to it was lost.", end.message());
        assertEquals(DebugState.ENDED, session.state());
        assertTrue(session.paused().isEmpty());
        ExecutionException waiting = assertThrows(ExecutionException.class,
                () -> nextPause.get(WAIT, TimeUnit.SECONDS));
        assertTrue(waiting.getCause().getMessage().startsWith("The debug session has ended"));
        ExecutionException step = assertThrows(ExecutionException.class,
                () -> session.stepOver().get(WAIT, TimeUnit.SECONDS));
        assertEquals("The debug session has ended: " + end.message(), step.getCause().getMessage());
    }

    @Test
    void programRunningToItsEndFinishesTheSessionAndTheProcess() throws Exception {
        Path file = attach(PROGRAM);
        session.attach(node.inspectorUrl(), SourceMapping.script(file)).get(WAIT, TimeUnit.SECONDS);
        SessionEnd end = session.ended().get(WAIT, TimeUnit.SECONDS);
        assertEquals(new SessionEnd(SessionEnd.Kind.FINISHED, "The program finished."), end);
        assertTrue(node.exited(Duration.ofSeconds(WAIT)));
        assertTrue(node.stdout().all().contains("result is 11"));
    }

    @Test
    void closingWhilePausedLetsAnAttachedProgramRunOn() throws Exception {
        Path file = attach(PROGRAM, line(9));
        run(file);
        SessionEnd end = session.close().get(WAIT, TimeUnit.SECONDS);
        assertEquals(SessionEnd.Kind.CLOSED, end.kind());
        assertTrue(node.exited(Duration.ofSeconds(WAIT)));
        assertTrue(node.stdout().all().contains("result is 11"), node.stdout().all().toString());
    }

    @Test
    void breakpointsChangeWhilePaused() throws Exception {
        Path file = attach(PROGRAM, line(9));
        run(file);
        // the gutter now has a breakpoint on 3 only
        List<BreakpointStatus> statuses = session.setBreakpoints(file, List.of(Breakpoint.at(file, 3)))
                .get(WAIT, TimeUnit.SECONDS);
        assertEquals(1, statuses.size());
        assertEquals(BreakpointStatus.State.BOUND, statuses.get(0).state());
        assertEquals(List.of(3), session.breakpointStatuses().stream().map(BreakpointStatus::line).toList());

        PausedState at3 = step(session::resume);
        assertEquals(3, at3.location().orElseThrow().line());
        session.removeBreakpoint(file, 3).get(WAIT, TimeUnit.SECONDS);
        assertTrue(session.breakpointStatuses().isEmpty());
        session.resume().get(WAIT, TimeUnit.SECONDS);
        assertEquals(SessionEnd.Kind.FINISHED, session.ended().get(WAIT, TimeUnit.SECONDS).kind(),
                "no breakpoint left to stop at");
    }

    @Test
    void aBreakpointInAFileOutsideTheProgramIsNotMapped() throws Exception {
        Path file = attach(PROGRAM);
        session.attach(node.inspectorUrl(), SourceMapping.script(file)).get(WAIT, TimeUnit.SECONDS);
        BreakpointStatus status = session.setBreakpoint(Breakpoint.at(dir.resolve("other.js"), 2))
                .get(WAIT, TimeUnit.SECONDS);
        assertEquals(BreakpointStatus.State.NOT_MAPPED, status.state());
        assertEquals("other.js is not part of the code being debugged.", status.message());
    }
}
