package dev.whiskstudio.app.debug.ui;

import javafx.scene.Node;
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

import static dev.whiskstudio.app.debug.ui.DebugUiFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Watches are edited and removed in place; with no paused program they and the console say so. */
class WatchesAndConsoleTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private DebugUiFixture ui;

    @BeforeEach
    void showTheWindow() throws Exception {
        ui = new DebugUiFixture(dir).show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        ui.close();
    }

    private List<String> watchRows() throws Exception {
        return onFx(() -> {
            javafx.scene.control.TreeView<?> tree = robot.lookup("#debug-watches").query();
            return tree.getRoot().getChildren().stream().map(TreeItem::getValue)
                    .map(v -> ((ValueRow) v).name() + " = " + ((ValueRow) v).value()).toList();
        });
    }

    private Node watchCell(String expression) throws Exception {
        return onFx(() -> robot.lookup("#debug-watches").query().lookupAll(".tree-cell").stream()
                .filter(n -> n.getScene() != null && n.isVisible() && n instanceof TreeCell<?> c && c.getItem() instanceof ValueRow r
                        && r.name().equals(expression))
                .findFirst().orElseThrow());
    }

    @Test
    void watchesAreAddedEditedAndRemoved() throws Exception {
        robot.clickOn("#debug-watch-input").write("params.name").push(KeyCode.ENTER);
        robot.write("total").push(KeyCode.ENTER);
        ui.await(() -> watchRows().equals(List.of("params.name = not available", "total = not available")));

        robot.doubleClickOn(watchCell("total"));
        ui.await(() -> robot.lookup("#debug-watch-editor").tryQuery().map(Node::isFocused).orElse(false));
        robot.push(KeyCode.END).write(" * 2").push(KeyCode.ENTER);
        ui.await(() -> onFx(() -> List.copyOf(ui.context.watches())).equals(List.of("params.name", "total * 2")));

        robot.clickOn(watchCell("params.name"));
        robot.push(KeyCode.DELETE);
        ui.await(() -> onFx(() -> List.copyOf(ui.context.watches())).equals(List.of("total * 2")));
        assertEquals(List.of("total * 2 = not available"), watchRows());
    }

    @Test
    void theConsoleSaysWhenThereIsNothingToEvaluateIn() throws Exception {
        robot.clickOn("#debug-console-input").write("1+2").push(KeyCode.ENTER);
        ui.await(() -> !ui.panel.console().entries().isEmpty());
        assertEquals(List.of(new ConsoleEntry(ConsoleEntry.Kind.INPUT, "1+2", ""),
                        new ConsoleEntry(ConsoleEntry.Kind.RESULT_ERROR, "There is no debug session.", "")),
                onFx(() -> List.copyOf(ui.panel.console().entries())));
        assertEquals("No debug session.", ui.status());
    }
}
