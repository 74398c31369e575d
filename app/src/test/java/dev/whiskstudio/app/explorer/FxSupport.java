package dev.whiskstudio.app.explorer;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.PickResult;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Reading the FX thread's state from a test, waiting for it with a bound, and what headless Monocle lacks. */
public final class FxSupport {
    public static final long WAIT_SECONDS = 20;

    private FxSupport() {
    }

    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    public static void runFx(Runnable change) throws Exception {
        WaitForAsyncUtils.asyncFx(change).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Polls {@code condition} on the FX thread until it holds, at most {@link #WAIT_SECONDS}. */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(WAIT_SECONDS, condition);
    }

    public static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /**
     * Right-clicks a node and asks for its context menu. On a desktop the platform turns the right-click into a
     * context-menu request; headless Monocle does not, so the request that the platform would send is sent here.
     */
    public static void openContextMenu(FxRobot robot, Node node) throws Exception {
        robot.clickOn(node, MouseButton.SECONDARY);
        runFx(() -> {
            Bounds local = node.getLayoutBounds();
            double x = local.getMinX() + local.getWidth() / 2;
            double y = local.getMinY() + local.getHeight() / 2;
            Point2D screen = node.localToScreen(x, y);
            Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, x, y,
                    screen.getX(), screen.getY(), false, new PickResult(node, x, y)));
        });
    }
}
