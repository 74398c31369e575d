package dev.whiskstudio.app.activations.pool;

import dev.whiskstudio.app.ThemeChoice;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.time.ZoneOffset;
import java.util.List;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool view in a headless window, fed snapshots shaped like {@code /sim/v1/pool}. */
class PoolViewTest {
    private static final long NOON = 1_700_049_600_000L; // 2023-11-15T12:00:00Z

    private final FxRobot robot = new FxRobot();
    private PoolView view;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        Application.setUserAgentStylesheet(ThemeChoice.LIGHT.userAgentStylesheet());
        FxToolkit.setupSceneRoot(() -> {
            view = new PoolView(ZoneOffset.UTC);
            view.setPrefSize(800, 600);
            return view;
        });
        FxToolkit.setupStage(stage -> stage.sizeToScene());
        FxToolkit.showStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static PoolContainer container(String id, String kind, long memory, String state, String namespace,
                                           String action, int active, long lastUsed) {
        return new PoolContainer(id, "wsk-" + id, kind, memory, ContainerState.parse(state), namespace, action, active,
                lastUsed);
    }

    private static PoolSnapshot mixed() {
        return new PoolSnapshot(2_048, 1_280, 3, List.of(
                container("c1", "nodejs:20", 256, "warm", "guest", "guest/shop/cart", 2, NOON),
                container("c2", "nodejs:20", 256, "warm", "guest", "guest/shop/cart", 0, NOON - 61_000),
                container("p1", "nodejs:20", 256, "paused", "guest", "guest/hello", 0, NOON - 3_600_000),
                container("s2", "nodejs:20", 256, "prewarmed", null, null, 0, 0),
                container("s1", "nodejs:20", 256, "prewarmed", null, null, 0, 0),
                container("s3", "nodejs:20", 256, "starting", null, null, 0, 0),
                container("x1", "python:3", 512, "busy", null, null, 1, NOON)));
    }

    private List<String> groupTitles() throws Exception {
        return onFx(() -> view.lookupAll(".pool-group").stream()
                .map(node -> ((PoolGroupView) node).title()).toList());
    }

    private String text(Node root, String selector) throws Exception {
        return onFx(() -> ((Label) root.lookup(selector)).getText());
    }

    private Node row(String id) throws Exception {
        return onFx(() -> view.lookup("#pool-container-" + id));
    }

    private Label chip(String id) throws Exception {
        return onFx(() -> (Label) view.lookup("#pool-container-" + id).lookup(".pool-chip"));
    }

    private List<String> rowIds(String groupKey) throws Exception {
        return onFx(() -> view.lookup("#pool-group-" + PoolView.safeId(groupKey)).lookupAll(".pool-container").stream()
                .map(Node::getId).toList());
    }

    @Test
    void showsGroupsStatesAndMemoryFigures() throws Exception {
        runFx(() -> view.show(mixed()));

        assertEquals(List.of("guest/hello", "guest/shop/cart", "Stem cells · nodejs:20 · 256 MB", "Other namespaces"),
                groupTitles());
        assertEquals("1,280 MB of 2,048 MB in use (63 %)", text(view, "#pool-memory-text"));
        assertEquals("3 queued", text(view, "#pool-queued"));
        assertTrue(onFx(() -> view.lookup("#pool-queued").getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("waiting"))));
        assertEquals("7 containers, 2 busy", text(view, "#pool-counts"));
        assertEquals(0.625, onFx(() -> ((MemoryGauge) view.lookup("#pool-memory-gauge")).fraction()), 1e-9);
        double fillWidth = onFx(() -> ((Region) view.lookup(".pool-memory-fill")).getWidth());
        double trackWidth = onFx(() -> ((Region) view.lookup("#pool-memory-gauge")).getWidth());
        assertEquals(0.625, fillWidth / (trackWidth - 2), 0.02, "the bar is filled as far as the memory in use");

        assertEquals("busy 2", chip("c1").getText());
        assertEquals("warm idle", chip("c2").getText());
        assertEquals("paused", chip("p1").getText());
        assertEquals("prewarmed", chip("s1").getText());
        assertEquals("starting", chip("s3").getText());
        assertEquals("busy 1", chip("x1").getText());
        assertEquals("256 MB", text(row("c1"), ".pool-container-memory"));
        assertEquals("used 11:58:59", text(row("c2"), ".pool-container-used"));
        assertEquals("not used yet", text(row("s1"), ".pool-container-used"));
        assertEquals("nodejs:20", text(row("c1"), ".pool-container-kind"));
        assertEquals(List.of("pool-container-s1", "pool-container-s2", "pool-container-s3"),
                rowIds("stem:nodejs:20:256"), "containers by name");
        assertEquals("2 containers · 512 MB · 1 busy, 1 warm idle",
                text(view.lookup("#pool-group-" + PoolView.safeId("action:guest/shop/cart")), ".pool-group-summary"));

        // the chips take their colours from the theme: busy and prewarmed differ
        Paint busy = onFx(() -> chip("c1").getBackground().getFills().get(0).getFill());
        Paint prewarmed = onFx(() -> chip("s1").getBackground().getFills().get(0).getFill());
        assertNotEquals(busy, prewarmed);
    }

    @Test
    void aNewSnapshotUpdatesContainersInPlace() throws Exception {
        runFx(() -> view.show(mixed()));
        Node idleRow = row("c2");
        Label idleChip = chip("c2");
        Node stemRow = row("s1");
        Node cartGroup = onFx(() -> view.lookup("#pool-group-" + PoolView.safeId("action:guest/shop/cart")));

        // c2 gets an activation; stem cell s1 is taken by guest/hello; p1 is removed; c1 finishes
        runFx(() -> view.show(new PoolSnapshot(2_048, 1_024, 0, List.of(
                container("c1", "nodejs:20", 256, "warm", "guest", "guest/shop/cart", 0, NOON + 5_000),
                container("c2", "nodejs:20", 256, "busy", "guest", "guest/shop/cart", 1, NOON + 4_000),
                container("s2", "nodejs:20", 256, "prewarmed", null, null, 0, 0),
                container("s1", "nodejs:20", 256, "warm", "guest", "guest/hello", 1, NOON + 4_500),
                container("s3", "nodejs:20", 256, "prewarmed", null, null, 0, 0),
                container("x1", "python:3", 512, "warm", null, null, 0, NOON)))));

        assertSame(idleRow, row("c2"), "the container keeps its row");
        assertSame(idleChip, chip("c2"));
        assertEquals("busy 1", idleChip.getText());
        assertTrue(idleChip.getStyleClass().contains("state-busy"));
        assertFalse(idleChip.getStyleClass().contains("state-warm"), idleChip.getStyleClass().toString());
        assertEquals("used 12:00:04", text(idleRow, ".pool-container-used"));
        assertEquals("warm idle", chip("c1").getText());
        assertSame(cartGroup, onFx(() -> view.lookup("#pool-group-" + PoolView.safeId("action:guest/shop/cart"))));

        assertSame(stemRow, row("s1"), "a stem cell taken by an action moves with its row");
        assertEquals(List.of("pool-container-s1"), rowIds("action:guest/hello"));
        assertEquals("busy 1", chip("s1").getText());
        assertEquals(List.of("pool-container-s2", "pool-container-s3"), rowIds("stem:nodejs:20:256"));
        assertNull(row("p1"), "a removed container goes");
        assertEquals(List.of("guest/hello", "guest/shop/cart", "Stem cells · nodejs:20 · 256 MB", "Other namespaces"),
                groupTitles(), "the order stays");
        assertEquals("1,024 MB of 2,048 MB in use (50 %)", text(view, "#pool-memory-text"));
        assertEquals("nothing queued", text(view, "#pool-queued"));
        assertEquals("warm idle", chip("x1").getText());

        // the same snapshot again moves nothing
        List<Node> before = onFx(() -> List.copyOf(view.lookupAll(".pool-container")));
        runFx(() -> view.show(view.snapshot()));
        assertEquals(before, onFx(() -> List.copyOf(view.lookupAll(".pool-container"))));
    }

    @Test
    void anEmptyPoolSaysSo() throws Exception {
        runFx(() -> view.show(mixed()));
        runFx(() -> view.show(new PoolSnapshot(0, 0, 0, List.of())));
        assertTrue(onFx(() -> view.lookup("#pool-empty") != null && view.lookup("#pool-empty").isVisible()));
        assertEquals(List.of(), groupTitles());
        assertEquals("0 MB in use", text(view, "#pool-memory-text"));
        assertEquals("0 containers", text(view, "#pool-counts"));
        assertEquals(0, onFx(() -> ((MemoryGauge) view.lookup("#pool-memory-gauge")).fraction()));
        assertTrue(robot.lookup("#pool-empty").tryQuery().isPresent());
    }

    @Test
    void statesReadAsTheSimulatorNamesThem() {
        assertEquals(ContainerState.PREWARMED, ContainerState.parse("prewarmed"));
        assertEquals(ContainerState.BUSY, ContainerState.parse(" Busy "));
        assertEquals(ContainerState.UNKNOWN, ContainerState.parse("hibernating"));
        assertEquals(ContainerState.UNKNOWN, ContainerState.parse(null));
        PoolContainer odd = new PoolContainer("id", null, null, 128, null, null, null, -3, 0);
        assertEquals("id", odd.name());
        assertEquals("unknown", odd.stateText());
        assertEquals(0, odd.active());
        assertFalse(odd.stemCell());
    }
}
