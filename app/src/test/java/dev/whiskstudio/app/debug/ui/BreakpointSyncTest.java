package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.Breakpoint;
import dev.whiskstudio.app.debug.BreakpointStatus;
import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.DebugSessionOptions;
import dev.whiskstudio.app.debug.ExceptionPause;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.whiskstudio.app.debug.ui.DebugUiFixture.WAIT;
import static dev.whiskstudio.app.debug.ui.DebugUiFixture.onFx;
import static dev.whiskstudio.app.debug.ui.DebugUiFixture.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gutter, the breakpoints list and the session keep one set of breakpoints, in a real window; the session here
 * has not started (it keeps breakpoints until it does), so no program is needed.
 */
class BreakpointSyncTest {
    private static final String CODE = String.join("\n",
            "function main(params) {",          // 1
            "  let x = 1;",                     // 2
            "  x += 1;",                        // 3
            "  x += 2;",                        // 4
            "  x += 3;",                        // 5
            "  return { x };",                  // 6
            "}",                                // 7
            "");

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private DebugUiFixture ui;
    private Path file;
    private EditorDocument document;

    @BeforeEach
    void showTheWindow() throws Exception {
        ui = new DebugUiFixture(dir).show();
        file = ui.write("action.js", CODE);
        document = ui.open(file);
        ui.session = new DebugSession(DebugSessionOptions.forFx());
        runFx(() -> ui.context.setSession(ui.session));
    }

    @AfterEach
    void cleanUp() throws Exception {
        ui.close();
    }

    /** The session's breakpoints, as it has them. */
    private List<Breakpoint> sessionBreakpoints() throws Exception {
        return onFx(() -> ui.context.breakpointStatuses().stream().map(BreakpointStatus::breakpoint).toList());
    }

    private Node breakpointRow(int line) throws Exception {
        return onFx(() -> robot.lookup("#debug-breakpoints").query().lookupAll(".list-cell").stream()
                .filter(n -> n.getScene() != null && n.isVisible())
                .filter(n -> n instanceof ListCell<?> c && c.getItem() instanceof UserBreakpoint b && b.line() == line)
                .findFirst().orElseThrow());
    }

    @Test
    void gutterBreakpointsReachTheSessionAndMoveWithTheirLines() throws Exception {
        robot.clickOn("#breakpoint-area-5");
        ui.await(() -> sessionBreakpoints().equals(List.of(Breakpoint.at(file, 5))));
        runFx(() -> ui.context.breakpoints().setCondition(file, 5, "x > 1"));
        ui.await(() -> sessionBreakpoints().equals(List.of(Breakpoint.conditional(file, 5, "x > 1"))));

        // two lines typed above it
        runFx(() -> {
            document.editor().requestFocus();
            document.editor().area().moveTo(0);
        });
        robot.push(KeyCode.ENTER).push(KeyCode.ENTER);

        ui.await(() -> document.breakpoints().lines().equals(Set.of(7)));
        ui.await(() -> sessionBreakpoints().equals(List.of(Breakpoint.conditional(file, 7, "x > 1"))));
        assertEquals(List.of(new UserBreakpoint(file, 7, "x > 1", null, true)),
                onFx(() -> List.copyOf(ui.context.breakpoints().all())));

        // its line deleted: the breakpoint goes with it
        runFx(() -> {
            var area = document.editor().area();
            area.deleteText(area.getAbsolutePosition(6, 0), area.getAbsolutePosition(7, 0));
        });
        ui.await(() -> sessionBreakpoints().isEmpty() && ui.context.breakpoints().all().isEmpty());
        assertTrue(onFx(() -> document.breakpoints().lines().isEmpty()));
    }

    @Test
    void disablingInTheListTakesItOutOfTheGutterAndTheSessionAndAGutterClickBringsItBack() throws Exception {
        robot.clickOn("#breakpoint-area-3");
        runFx(() -> ui.context.breakpoints().setCondition(file, 3, "x === 2"));
        ui.await(() -> sessionBreakpoints().equals(List.of(Breakpoint.conditional(file, 3, "x === 2"))));

        robot.clickOn(breakpointRow(3).lookup(".debug-breakpoint-enabled"));

        ui.await(() -> sessionBreakpoints().isEmpty());
        assertTrue(onFx(() -> document.breakpoints().lines().isEmpty()), "the gutter shows no breakpoint");
        assertEquals(List.of(new UserBreakpoint(file, 3, "x === 2", null, false)),
                onFx(() -> List.copyOf(ui.context.breakpoints().all())), "the list keeps it, disabled");

        robot.clickOn("#breakpoint-area-3");
        ui.await(() -> sessionBreakpoints().equals(List.of(Breakpoint.conditional(file, 3, "x === 2"))));
        assertEquals(List.of(new UserBreakpoint(file, 3, "x === 2", null, true)),
                onFx(() -> List.copyOf(ui.context.breakpoints().all())), "enabled again, its condition kept");
    }

    @Test
    void aLogMessageTypedInTheListReachesTheSession() throws Exception {
        robot.clickOn("#breakpoint-area-4");
        ui.await(() -> sessionBreakpoints().size() == 1);

        // the row's menu: the headless platform makes no menu event of a right click, so the test sends the event a
        // desktop platform sends
        Node row = breakpointRow(4);
        robot.clickOn(row);
        runFx(() -> {
            javafx.geometry.Bounds b = row.localToScreen(row.getBoundsInLocal());
            javafx.geometry.Bounds local = row.getBoundsInLocal();
            javafx.event.Event.fireEvent(row, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getCenterX(),
                    local.getCenterY(), b.getCenterX(), b.getCenterY(), false, null));
        });
        robot.clickOn("Edit log message…");
        ui.await(() -> robot.lookup("#debug-breakpoint-edit-field").tryQuery().map(Node::isFocused).orElse(false));
        robot.write("x is {x}").push(KeyCode.ENTER);

        ui.await(() -> sessionBreakpoints().equals(List.of(Breakpoint.logpoint(file, 4, "x is {x}"))));
        assertTrue(onFx(() -> breakpointRow(4).lookup(".debug-breakpoint-detail") instanceof javafx.scene.control.Label l
                && l.getText().equals("log x is {x}")));
    }

    @Test
    void breakpointsOutliveTheirTabAndComeBackWhenTheFileOpensAgain() throws Exception {
        robot.clickOn("#breakpoint-area-2");
        robot.clickOn("#breakpoint-area-6");
        ui.await(() -> sessionBreakpoints().size() == 2);

        onFx(() -> ui.tabs.close(document)).get(WAIT, TimeUnit.SECONDS);
        ui.await(() -> ui.tabs.documents().isEmpty());
        assertEquals(2, sessionBreakpoints().size(), "closing the tab keeps the breakpoints");

        EditorDocument again = ui.open(file);
        ui.await(() -> again.breakpoints().lines().equals(Set.of(2, 6)));
    }

    @Test
    void aNewSessionGetsTheBreakpointsAndTheExceptionSetting() throws Exception {
        robot.clickOn("#breakpoint-area-3");
        ui.await(() -> sessionBreakpoints().size() == 1);
        robot.clickOn("#debug-exceptions");
        robot.clickOn("All exceptions");
        ui.await(() -> ui.session.exceptionPauseProperty().get() == ExceptionPause.ALL);

        ui.session.close().get(WAIT, TimeUnit.SECONDS);
        DebugSession next = new DebugSession(DebugSessionOptions.forFx());
        try {
            runFx(() -> ui.context.setSession(next));
            ui.await(() -> next.breakpoints().stream().map(BreakpointStatus::breakpoint).toList()
                    .equals(List.of(Breakpoint.at(file, 3))));
            ui.await(() -> next.exceptionPauseProperty().get() == ExceptionPause.ALL);
            assertEquals("The debug session has not started.", ui.status());
        } finally {
            next.close().get(WAIT, TimeUnit.SECONDS);
        }
    }
}
