package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.DebugState;
import dev.whiskstudio.app.debug.LocalProxyBackend;
import dev.whiskstudio.app.debug.NodeScript;
import dev.whiskstudio.app.debug.SessionEnd;
import dev.whiskstudio.app.debug.StackFrame;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.whiskstudio.app.debug.ui.DebugUiFixture.WAIT;
import static dev.whiskstudio.app.debug.ui.DebugUiFixture.onFx;
import static dev.whiskstudio.app.debug.ui.DebugUiFixture.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The debugger's views on a real action: a Node.js action proxy under the inspector runs the code of a file open in
 * the editor, driven by clicks and keys in a real (headless) window.
 */
class DebuggerViewsTest {
    /** The action, with its lines numbered as the editor shows them. */
    private static final String ACTION = String.join("\n",
            "function helper(n) {",                                                               // 1
            "  const squared = n * n;",                                                           // 2
            "  return squared + 1;",                                                              // 3
            "}",                                                                                  // 4
            "function main(params) {",                                                            // 5
            "  const config = { name: params.name || 'demo', nested: { depth: 2 }, get shout() { return this.name.toUpperCase(); } };", // 6
            "  let total = 0;",                                                                   // 7
            "  for (let i = 0; i < 3; i++) {",                                                    // 8
            "    total += helper(i);",                                                            // 9
            "  }",                                                                                // 10
            "  console.log('total is', total);",                                                  // 11
            "  return { total, name: config.name };",                                             // 12
            "}",                                                                                  // 13
            "");

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private DebugUiFixture ui;
    private Path action;
    private EditorDocument document;

    @BeforeEach
    void showTheWindow() throws Exception {
        assumeTrue(NodeScript.nodeOnPath(), "node is not on the PATH");
        ui = new DebugUiFixture(dir).show();
        action = ui.write("action.js", ACTION);
        document = ui.open(action);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    private void clickGutter(int line) {
        robot.clickOn("#breakpoint-area-" + line);
    }

    /** Starts the session and an activation, and waits until it is paused at {@code line}. */
    private CompletableFuture<LocalProxyBackend.Reply> runToLine(int line) throws Exception {
        ui.startSession(action);
        CompletableFuture<LocalProxyBackend.Reply> reply = ui.invoke("{\"name\":\"world\"}");
        waitForPauseAt(line);
        return reply;
    }

    private void waitForPauseAt(int line) throws Exception {
        ui.await(() -> ui.context.pausedProperty().get() != null
                && ui.context.pausedProperty().get().location().map(l -> l.line() == line).orElse(false));
        ui.await(() -> ui.executionLine(document) == line);
    }

    private long pauseId() throws Exception {
        return onFx(() -> ui.context.pausedProperty().get() == null ? -1 : ui.context.pausedProperty().get().pauseId());
    }

    private boolean disabled(String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Button.class).isDisabled());
    }

    /** The rows the variables tree shows under its open items, as "name = value". */
    private List<String> shownVariables() throws Exception {
        return onFx(() -> {
            List<String> rows = new java.util.ArrayList<>();
            collect(ui.panel.variables().getRoot(), rows);
            return rows;
        });
    }

    private static void collect(TreeItem<ValueRow> item, List<String> rows) {
        for (TreeItem<ValueRow> child : item.getChildren()) {
            ValueRow row = child.getValue();
            rows.add(row.value().isEmpty() ? row.name() : row.name() + " = " + row.value());
            if (child.isExpanded()) {
                collect(child, rows);
            }
        }
    }

    private Optional<TreeItem<ValueRow>> topWatch(int index) throws Exception {
        return onFx(() -> {
            javafx.scene.control.TreeView<?> tree = (javafx.scene.control.TreeView<?>) robot.lookup("#debug-watches")
                    .query();
            @SuppressWarnings("unchecked")
            TreeItem<ValueRow> root = (TreeItem<ValueRow>) tree.getRoot();
            return index < root.getChildren().size() ? Optional.of(root.getChildren().get(index)) : Optional.empty();
        });
    }

    @Test
    void aGutterBreakpointPausesThereAndSteppingMovesTheExecutionLine() throws Exception {
        clickGutter(7);
        ui.await(() -> ui.context.breakpoints().at(action, 7).isPresent());

        CompletableFuture<LocalProxyBackend.Reply> reply = runToLine(7);

        assertTrue(ui.status().contains("Paused on breakpoint at action.js:7"), ui.status());
        assertFalse(disabled("#debug-continue"));
        assertTrue(disabled("#debug-pause"));
        ui.await(() -> BreakpointsView.statusText(ui.context.breakpoints().all().get(0),
                ui.context.statusOf(ui.context.breakpoints().all().get(0)).orElse(null)).equals("resolved"));

        robot.clickOn("#debug-step-over");
        waitForPauseAt(8);
        assertTrue(ui.status().contains("Paused after step at action.js:8"), ui.status());

        // F10 with the focus in the editor; the for line has several stops (its start, its test) before line 9
        runFx(() -> document.editor().requestFocus());
        for (int i = 0; i < 3 && ui.executionLine(document) != 9; i++) {
            long before = pauseId();
            robot.push(KeyCode.F10);
            ui.await(() -> pauseId() > before);
        }
        waitForPauseAt(9);

        robot.push(KeyCode.F11);
        waitForPauseAt(2);
        // out of helper: back in main, after the call (the engine stops at the loop's i++)
        robot.push(KeyCode.SHIFT, KeyCode.F11);
        ui.await(() -> ui.context.pausedProperty().get() != null
                && ui.context.pausedProperty().get().topFrame().displayName().equals("main"));
        int back = onFx(() -> ui.context.pausedProperty().get().location().orElseThrow().line());
        assertTrue(back == 8 || back == 9, "line " + back);
        ui.await(() -> ui.executionLine(document) == back);

        robot.push(KeyCode.F8);
        LocalProxyBackend.Reply done = reply.get(WAIT, TimeUnit.SECONDS);
        assertEquals(8, done.body().path("total").asInt(), done.body().toString());
        ui.await(() -> ui.executionLine(document) == -1);
        assertEquals("Running.", ui.status());
        assertTrue(disabled("#debug-step-over"));
    }

    @Test
    void theCallStackListsTheFramesAndSelectingOneShowsItsVariables() throws Exception {
        clickGutter(2);
        runToLine(2);

        List<StackFrame> frames = onFx(() -> List.copyOf(ui.panel.callStack().getItems()));
        assertEquals("helper", frames.get(0).displayName());
        assertEquals("action.js:2", frames.get(0).locationText());
        assertEquals("main", frames.get(1).displayName());
        assertEquals("action.js:9", frames.get(1).locationText());
        assertTrue(frames.stream().skip(2).anyMatch(f -> f.userLocation() == null),
                "the proxy's frames below the action: " + frames);
        ui.await(() -> shownVariables().contains("n = 0"));
        assertTrue(onFx(() -> robot.lookup("#debug-call-stack").query().lookupAll(".debug-frame-runtime").size() > 0),
                "runtime frames are muted");

        Node mainCell = onFx(() -> robot.lookup("#debug-call-stack").query().lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.getItem() instanceof StackFrame f
                        && f.displayName().equals("main"))
                .findFirst().orElseThrow());
        robot.clickOn(mainCell);

        ui.await(() -> shownVariables().contains("total = 0"));
        assertFalse(shownVariables().contains("n = 0"), shownVariables().toString());
        ui.await(() -> ui.executionLine(document) == 9);

        // expanding an object loads its properties
        assertTrue(shownVariables().stream().anyMatch(r -> r.startsWith("config = ")), shownVariables().toString());
        runFx(() -> {
            var tree = ui.panel.variables();
            for (int row = 0; row < tree.getExpandedItemCount(); row++) {
                if (tree.getTreeItem(row).getValue().name().equals("config")) {
                    tree.scrollTo(row);
                }
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Node configCell = onFx(() -> robot.lookup("#debug-variables").query().lookupAll(".tree-cell").stream()
                .filter(n -> n.isVisible() && n instanceof TreeCell<?> c && c.getItem() instanceof ValueRow r
                        && r.name().equals("config"))
                .findFirst().orElseThrow());
        robot.clickOn(configCell);
        robot.push(KeyCode.RIGHT);
        ui.await(() -> shownVariables().contains("name = \"world\""));
        assertTrue(shownVariables().stream().anyMatch(r -> r.startsWith("nested = ")), shownVariables().toString());

        // a getter is shown unread, and read when clicked
        assertTrue(shownVariables().contains("shout = (...)"), shownVariables().toString());
        runFx(() -> {
            var tree = ui.panel.variables();
            for (int row = 0; row < tree.getExpandedItemCount(); row++) {
                if (tree.getTreeItem(row).getValue().name().equals("shout")) {
                    tree.scrollTo(row);
                }
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(onFx(() -> robot.lookup("#debug-variables").query().lookupAll(".debug-value").stream()
                .filter(n -> n instanceof javafx.scene.control.Label l && l.getText().equals("(...)")
                        && l.isVisible())
                .findFirst().orElseThrow()));
        ui.await(() -> shownVariables().contains("shout = \"WORLD\""));
    }

    @Test
    void aWatchIsEvaluatedAtEveryPauseAndShowsErrorsAsValues() throws Exception {
        clickGutter(9);
        runToLine(9);

        robot.clickOn("#debug-watch-input").write("total * 10").push(KeyCode.ENTER);
        robot.clickOn("#debug-watch-input").write("missing.value").push(KeyCode.ENTER);
        ui.await(() -> topWatch(0).map(w -> w.getValue().value().equals("0")).orElse(false));
        ui.await(() -> topWatch(1).map(w -> w.getValue().kind() == ValueRow.Kind.ERROR
                && w.getValue().value().contains("missing is not defined")).orElse(false));

        robot.clickOn("#debug-continue");
        ui.await(() -> ui.context.pausedProperty().get() != null
                && topWatch(0).map(w -> w.getValue().value().equals("10")).orElse(false));
    }

    @Test
    void theConsoleEvaluatesInThePausedFrameWithHistory() throws Exception {
        clickGutter(9);
        CompletableFuture<LocalProxyBackend.Reply> reply = runToLine(9);

        robot.clickOn("#debug-console-input").write("1+2").push(KeyCode.ENTER);
        ui.await(() -> lastConsole().equals(new ConsoleEntry(ConsoleEntry.Kind.RESULT, "3", "")));
        robot.write("total + i + 40").push(KeyCode.ENTER);
        ui.await(() -> lastConsole().equals(new ConsoleEntry(ConsoleEntry.Kind.RESULT, "40", "")));
        robot.write("nothing.here").push(KeyCode.ENTER);
        ui.await(() -> lastConsole().kind() == ConsoleEntry.Kind.RESULT_ERROR
                && lastConsole().text().contains("nothing is not defined"));

        robot.push(KeyCode.UP);
        assertEquals("nothing.here", onFx(() -> ui.panel.console().input().getText()));
        robot.push(KeyCode.UP);
        assertEquals("total + i + 40", onFx(() -> ui.panel.console().input().getText()));
        robot.push(KeyCode.DOWN).push(KeyCode.DOWN);
        assertEquals("", onFx(() -> ui.panel.console().input().getText()));

        // the breakpoint removed in the list goes from the gutter and the session; the program runs to its end
        robot.clickOn(".debug-breakpoint-remove");
        ui.await(() -> document.breakpoints().lines().isEmpty() && ui.context.breakpointStatuses().isEmpty());
        robot.clickOn("#debug-continue");
        reply.get(WAIT, TimeUnit.SECONDS);
        ui.await(() -> ui.panel.console().entries().stream().anyMatch(e -> e.kind() == ConsoleEntry.Kind.LOG
                && e.text().equals("total is 8") && e.location().equals("action.js:11")));
    }

    private ConsoleEntry lastConsole() throws Exception {
        return onFx(() -> {
            var entries = ui.panel.console().entries();
            return entries.isEmpty() ? new ConsoleEntry(ConsoleEntry.Kind.NOTE, "", "") : entries.get(entries.size() - 1);
        });
    }

    @Test
    void aConditionalBreakpointSetFromTheGutterPausesOnlyWhenTrue() throws Exception {
        robot.rightClickOn("#breakpoint-area-9");
        robot.clickOn("Add conditional breakpoint…");
        ui.await(() -> robot.lookup("#debug-breakpoint-edit-field").tryQuery().map(Node::isFocused).orElse(false));
        robot.write("i === 2").push(KeyCode.ENTER);
        ui.await(() -> ui.context.breakpoints().at(action, 9).map(b -> "i === 2".equals(b.condition()))
                .orElse(false) && document.breakpoints().contains(9));
        assertTrue(robot.lookup("#debug-breakpoint-edit").tryQuery().isEmpty(), "the bar closes");

        CompletableFuture<LocalProxyBackend.Reply> reply = runToLine(9);
        robot.clickOn("#debug-console-input").write("i").push(KeyCode.ENTER);
        ui.await(() -> lastConsole().equals(new ConsoleEntry(ConsoleEntry.Kind.RESULT, "2", "")));

        robot.clickOn("#debug-continue");
        assertEquals(8, reply.get(WAIT, TimeUnit.SECONDS).body().path("total").asInt());
        assertEquals(DebugState.RUNNING, onFx(() -> ui.context.stateProperty().get()), "no other pause");
    }

    @Test
    void stopEndsTheSessionKillsTheProgramAndClearsTheExecutionLine() throws Exception {
        clickGutter(7);
        runToLine(7);
        Process process = ui.backend.process();

        robot.clickOn("#debug-stop");

        assertTrue(process.waitFor(WAIT, TimeUnit.SECONDS), "the program's process is gone");
        ui.await(() -> ui.context.stateProperty().get() == DebugState.ENDED);
        ui.await(() -> ui.executionLine(document) == -1);
        assertEquals("Ended: The debug session was closed.", ui.status());
        for (String id : List.of("#debug-continue", "#debug-step-over", "#debug-step-into", "#debug-step-out",
                "#debug-pause", "#debug-stop")) {
            assertTrue(disabled(id), id);
        }
        assertTrue(ui.backend.stopped());
        assertTrue(document.breakpoints().contains(7), "the breakpoint stays for the next session");
    }

    @Test
    void theProgramDyingWhilePausedShowsWhyAndDisablesTheToolbar() throws Exception {
        clickGutter(9);
        runToLine(9);

        ui.backend.process().destroyForcibly();

        ui.await(() -> ui.context.stateProperty().get() == DebugState.ENDED);
        SessionEnd end = onFx(() -> ui.context.endProperty().get());
        assertEquals(SessionEnd.Kind.DISCONNECTED, end.kind());
        assertEquals("Ended: " + end.message(), ui.status());
        assertTrue(ui.status().contains("process"), ui.status());
        ui.await(() -> ui.executionLine(document) == -1);
        for (String id : List.of("#debug-continue", "#debug-step-over", "#debug-pause", "#debug-stop")) {
            assertTrue(disabled(id), id);
        }
        assertTrue(onFx(() -> ui.panel.callStack().getItems().isEmpty()));
        assertTrue(shownVariables().contains("Not paused"), shownVariables().toString());
    }

    @Test
    void whenThePausedFileIsNotOpenItIsOpenedAtItsLine() throws Exception {
        onFx(() -> ui.tabs.close(document)).get(WAIT, TimeUnit.SECONDS);
        runFx(() -> ui.context.breakpoints().put(UserBreakpoint.at(action, 7)));

        ui.startSession(action);
        ui.invoke("{}");

        ui.await(() -> ui.tabs.document(action).isPresent());
        EditorDocument reopened = onFx(() -> ui.tabs.document(action).orElseThrow());
        ui.await(() -> ui.executionLine(reopened) == 7);
        assertTrue(onFx(() -> reopened.breakpoints().contains(7)), "the gutter shows the breakpoint");
        assertEquals(7, onFx(() -> reopened.editor().getCaretPosition().line()), "the caret is on the line");
    }

    @Test
    void pauseStopsARunningProgramWhereItIs() throws Exception {
        Path spin = ui.write("spin.js", String.join("\n",
                "function main(params) {",                      // 1
                "  const until = Date.now() + 20000;",          // 2
                "  let spins = 0;",                             // 3
                "  while (Date.now() < until) {",               // 4
                "    spins++;",                                 // 5
                "  }",                                          // 6
                "  return { spins };",                          // 7
                "}",                                            // 8
                ""));
        EditorDocument spinning = ui.open(spin);
        ui.startSession(spin);
        ui.invoke("{}");
        ui.await(() -> ui.context.stateProperty().get() == DebugState.RUNNING && !disabled("#debug-pause"));
        assertTrue(disabled("#debug-continue"));

        robot.clickOn("#debug-pause");

        ui.await(() -> ui.context.pausedProperty().get() != null);
        int line = onFx(() -> ui.context.pausedProperty().get().location().orElseThrow().line());
        assertTrue(line >= 4 && line <= 5, "paused in the loop: " + line);
        assertTrue(ui.status().startsWith("Paused at spin.js:" + line), ui.status());
        ui.await(() -> ui.executionLine(spinning) == line);
        assertTrue(disabled("#debug-pause"));

        robot.clickOn("#debug-console-input").write("spins > 0").push(KeyCode.ENTER);
        ui.await(() -> lastConsole().equals(new ConsoleEntry(ConsoleEntry.Kind.RESULT, "true", "")));
    }

    @Test
    void hoveringANameWhilePausedShowsItsValue() throws Exception {
        clickGutter(9);
        runToLine(9);
        robot.clickOn("#debug-console-input").write("total = 3").push(KeyCode.ENTER);
        ui.await(() -> lastConsole().equals(new ConsoleEntry(ConsoleEntry.Kind.RESULT, "3", "")));

        // the middle of "total" on line 9
        int offset = onFx(() -> document.editor().area().getAbsolutePosition(8, "    total".length() - 2));
        javafx.geometry.Bounds bounds = onFx(() -> document.editor().area()
                .getCharacterBoundsOnScreen(offset, offset + 1).orElseThrow());
        robot.moveTo(new javafx.geometry.Point2D(bounds.getCenterX(), bounds.getCenterY()));
        ui.await(() -> ui.bridge.link(action).orElseThrow().hover().popup().isShowing());
        assertEquals("total = 3", onFx(() -> ui.bridge.link(action).orElseThrow().hover().popup().getText()));

        robot.clickOn("#debug-continue");
        ui.await(() -> !ui.bridge.link(action).orElseThrow().hover().popup().isShowing());
    }
}
