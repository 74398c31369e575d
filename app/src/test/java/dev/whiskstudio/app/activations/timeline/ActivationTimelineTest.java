package dev.whiskstudio.app.activations.timeline;

import dev.whiskstudio.app.ThemeChoice;
import dev.whiskstudio.app.activations.timeline.TimelineBar.Outcome;
import dev.whiskstudio.app.activations.timeline.TimelineBar.StartKind;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.whiskstudio.app.activations.timeline.Bars.T0;
import static dev.whiskstudio.app.activations.timeline.Bars.bar;
import static dev.whiskstudio.app.activations.timeline.Bars.running;
import static dev.whiskstudio.app.activations.timeline.Bars.warm;
import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.runFx;
import static dev.whiskstudio.app.explorer.FxSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline in a headless window with synthetic bars and a clock the test moves. */
class ActivationTimelineTest {
    private final FxRobot robot = new FxRobot();
    private final TestClock clock = new TestClock(T0 + 10_000);
    private final TimelineModel model = new TimelineModel();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private ActivationTimeline timeline;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        Application.setUserAgentStylesheet(ThemeChoice.LIGHT.userAgentStylesheet());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (timeline != null) {
            runFx(timeline::dispose);
        }
        Application.setUserAgentStylesheet(ThemeChoice.LIGHT.userAgentStylesheet());
    }

    private void show(double width, double height) throws Exception {
        FxToolkit.setupSceneRoot(() -> {
            timeline = new ActivationTimeline(model, clock);
            timeline.setId("timeline");
            timeline.setOnOpenActivation(opened::add);
            StackPane root = new StackPane(timeline);
            root.setPrefSize(width, height);
            return root;
        });
        FxToolkit.setupStage(stage -> stage.sizeToScene());
        FxToolkit.showStage();
        waitUntil(() -> timeline.getWidth() > 0 && timeline.lastFrame().lanes() > 0 || model.isEmpty());
    }

    /** Shows a fixed window and stops following, so the test decides what is in view. */
    private void showWindow(long from, long to) throws Exception {
        runFx(() -> timeline.showWindow(new TimeWindow(from, to)));
    }

    /** A point on a bar, {@code along} its length (0 its left edge, 1 its right), in screen coordinates. */
    private Point2D onBar(String id, double along) throws Exception {
        return onFx(() -> {
            Bounds bar = timeline.barBounds(id).orElseThrow();
            return timeline.localToScreen(bar.getMinX() + bar.getWidth() * along, bar.getCenterY());
        });
    }

    private Bounds bounds(String id) throws Exception {
        return onFx(() -> timeline.barBounds(id).orElseThrow());
    }

    private Color pixel(double x, double y) throws Exception {
        return onFx(() -> {
            Canvas canvas = (Canvas) timeline.lookup("#timeline-canvas");
            return canvas.snapshot(null, null).getPixelReader().getColor((int) x, (int) y);
        });
    }

    private TimelinePalette palette() throws Exception {
        return onFx(() -> (TimelinePalette) timeline.lookup(".timeline-palette"));
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }

    @Test
    void clickingABarOpensItsActivationAndSelectsIt() throws Exception {
        model.put(warm("first", "c1", T0 + 1_000, 1_500));
        model.put(bar("second", "c2", T0 + 2_000, 100, 400, 2_000, StartKind.COLD, Outcome.SUCCESS));
        model.put(warm("third", "c1", T0 + 5_000, 1_000));
        show(900, 300);
        showWindow(T0, T0 + 8_000);

        robot.clickOn(onBar("second", 0.8));
        waitUntil(() -> opened.size() == 1);
        assertEquals(List.of("second"), opened);
        assertEquals("second", onFx(timeline::getSelectedActivationId));

        robot.clickOn(onBar("third", 0.5));
        waitUntil(() -> opened.size() == 2);
        assertEquals(List.of("second", "third"), opened);
        assertEquals("third", onFx(timeline::getSelectedActivationId));

        // Enter opens the selected bar again
        robot.push(KeyCode.ENTER);
        waitUntil(() -> opened.size() == 3);
        assertEquals("third", opened.get(2));

        // a click between bars opens nothing and clears the selection
        Bounds first = bounds("first");
        Bounds third = bounds("third");
        Point2D between = onFx(() -> timeline.localToScreen((first.getMaxX() + third.getMinX()) / 2, first.getCenterY()));
        robot.clickOn(between);
        waitUntil(() -> timeline.getSelectedActivationId() == null);
        assertEquals(3, opened.size());
    }

    @Test
    void restingOnABarShowsItsDetails() throws Exception {
        model.put(bar("cold-one", "c1", T0 + 1_000, 20, 300, 80, StartKind.COLD, Outcome.DEVELOPER_ERROR));
        model.put(warm("warm-one", "c1", T0 + 3_000, 1_000));
        show(900, 300);
        showWindow(T0, T0 + 5_000);

        robot.moveTo(onBar("cold-one", 0.7));
        waitUntil(() -> robot.lookup("#timeline-hover").query().isVisible());
        assertEquals("action-cold-one", hoverText(".timeline-hover-name"));
        assertEquals("cold-one", hoverText(".timeline-hover-id"));
        assertEquals("developer error", hoverText(".timeline-hover-status"));
        assertEquals("wait 20 ms · init 300 ms · run 80 ms", hoverText(".timeline-hover-times"));
        assertTrue(hoverText(".timeline-hover-start").startsWith("cold start, started "), hoverText(".timeline-hover-start"));
        assertEquals("container c1", hoverText(".timeline-hover-lane"));

        robot.moveTo(onBar("warm-one", 0.5));
        waitUntil(() -> "warm-one".equals(hoverText(".timeline-hover-id")));
        assertEquals("success", hoverText(".timeline-hover-status"));
        assertEquals("wait 0 ms · no init · run 1.00 s", hoverText(".timeline-hover-times"));

        // between the bars the card goes away
        Bounds warmBar = bounds("warm-one");
        robot.moveTo(onFx(() -> timeline.localToScreen(warmBar.getMinX() - 150, warmBar.getCenterY())));
        waitUntil(() -> !robot.lookup("#timeline-hover").query().isVisible());
    }

    private String hoverText(String styleClass) throws Exception {
        return onFx(() -> ((Label) timeline.lookup("#timeline-hover").lookup(styleClass)).getText());
    }

    @Test
    void theWheelAndTheKeysZoomAroundThePointer() throws Exception {
        model.put(warm("a", "c1", T0 + 2_000, 1_000));
        model.put(warm("b", "c2", T0 + 6_000, 1_000));
        show(900, 300);
        showWindow(T0, T0 + 10_000);
        TimeWindow before = onFx(timeline::visibleWindow);

        // the pointer on the left quarter of bar "a": that instant stays under it while zooming in
        Point2D pointer = onBar("a", 0.25);
        robot.moveTo(pointer);
        // Monocle's robot turns TestFX's DOWN into a positive delta, which a desktop sends for the wheel turned away
        // from the user: zoom in
        robot.scroll(1, VerticalDirection.DOWN);
        waitUntil(() -> timeline.visibleWindow().span() < before.span() * 0.9);
        TimeWindow zoomedIn = onFx(timeline::visibleWindow);
        assertEquals(before.span() / ActivationTimeline.ZOOM_STEP, zoomedIn.span(), before.span() * 0.01);
        assertEquals(pointer.getX(), onBar("a", 0.25).getX(), 1.0, "the time under the pointer stays put");
        assertTrue(zoomedIn.startMillis() > before.startMillis() && zoomedIn.endMillis() < before.endMillis());

        robot.scroll(2, VerticalDirection.UP);
        waitUntil(() -> timeline.visibleWindow().span() > before.span() * 1.1);
        assertEquals(pointer.getX(), onBar("a", 0.25).getX(), 1.0);

        // + and - zoom around the middle
        double span = onFx(() -> timeline.visibleWindow().span());
        double middle = onFx(() -> timeline.visibleWindow().center());
        robot.push(KeyCode.ADD);
        waitUntil(() -> timeline.visibleWindow().span() < span);
        assertEquals(span / ActivationTimeline.ZOOM_STEP, onFx(() -> timeline.visibleWindow().span()), span * 0.01);
        assertEquals(middle, onFx(() -> timeline.visibleWindow().center()), span * 0.01);
        robot.push(KeyCode.SUBTRACT);
        waitUntil(() -> Math.abs(timeline.visibleWindow().span() - span) < span * 0.01);

        // Home fits everything
        robot.push(KeyCode.HOME);
        waitUntil(() -> {
            TimeWindow all = timeline.visibleWindow();
            return all.contains(T0 + 2_000) && all.contains(T0 + 7_000) && all.span() < 6_000;
        });
    }

    @Test
    void draggingAndTheArrowsPanAndEndFollowLive() throws Exception {
        model.put(warm("a", "c1", T0 + 2_000, 1_000));
        model.put(warm("b", "c2", T0 + 6_000, 1_000));
        clock.set(T0 + 7_000);
        show(900, 300);
        runFx(() -> timeline.showWindow(new TimeWindow(T0, T0 + 9_000)));
        runFx(() -> timeline.setFollowLive(true));
        assertTrue(onFx(() -> timeline.visibleWindow().contains(T0 + 7_000)), "following: the newest is in view");
        TimeWindow before = onFx(timeline::visibleWindow);

        Point2D grab = onFx(() -> timeline.localToScreen(timeline.getWidth() / 2, timeline.getHeight() / 2));
        robot.drag(grab, MouseButton.PRIMARY).moveBy(-60, 0).moveBy(-140, 0).release(MouseButton.PRIMARY);
        waitUntil(() -> !timeline.isFollowLive());
        TimeWindow dragged = onFx(timeline::visibleWindow);
        double pixelsMoved = (dragged.startMillis() - before.startMillis()) / (before.span() / plotWidth());
        assertEquals(200 - 3, pixelsMoved, 6, "dragging left by 200 px shows later times (less the drag threshold)");
        assertEquals(before.span(), dragged.span(), 1e-6);
        assertTrue(opened.isEmpty(), "a drag is not a click");

        robot.push(KeyCode.LEFT);
        waitUntil(() -> timeline.visibleWindow().startMillis() < dragged.startMillis());
        assertEquals(dragged.startMillis() - dragged.span() * 0.1, onFx(() -> timeline.visibleWindow().startMillis()),
                dragged.span() * 0.01);
    }

    private double plotWidth() throws Exception {
        // the bar "a" is 1,000 ms long: its width in pixels gives the scale, the window's span the plot width
        return onFx(() -> timeline.visibleWindow().span() / (1_000 / timeline.barBounds("a").orElseThrow().getWidth()));
    }

    @Test
    void followLiveKeepsTheNewestBarInViewUntilTheUserPans() throws Exception {
        show(900, 300);
        assertTrue(onFx(timeline::isFollowLive), "a new timeline follows live");
        double width = onFx(timeline::getWidth);
        for (int i = 0; i < 8; i++) {
            long at = T0 + i * 20_000L;
            clock.set(at + 600);
            String id = "live-" + i;
            String lane = "c" + (i % 2);
            runFx(() -> model.put(warm(id, lane, at, 500)));
            Bounds newest = bounds(id);
            assertTrue(newest.getMinX() > width / 2 && newest.getMaxX() <= width, "newest bar " + i + " in view: " + newest);
        }
        assertTrue(bounds("live-0").getMaxX() < 0, "the oldest scrolled out");

        // a drag ends following: a newer bar arrives out of view
        Point2D grab = onFx(() -> timeline.localToScreen(width / 2, timeline.getHeight() / 2));
        robot.drag(grab, MouseButton.PRIMARY).moveBy(40, 0).moveBy(60, 0).release(MouseButton.PRIMARY);
        waitUntil(() -> !timeline.isFollowLive());
        TimeWindow pinned = onFx(timeline::visibleWindow);
        clock.set(T0 + 200_000);
        runFx(() -> model.put(warm("late", "c0", T0 + 199_000, 500)));
        assertTrue(bounds("late").getMinX() > width, "not followed any more");
        assertEquals(pinned, onFx(timeline::visibleWindow));

        // End follows again
        robot.push(KeyCode.END);
        waitUntil(timeline::isFollowLive);
        Bounds late = bounds("late");
        assertTrue(late.getMinX() > width / 2 && late.getMaxX() <= width, "followed again: " + late);
    }

    @Test
    void lanesAppearInTheOrderTheirContainersFirstRan() throws Exception {
        model.put(warm("b", "beta", T0 + 2_000, 500));
        model.put(warm("a", "alpha", T0 + 1_000, 500));
        show(900, 300);
        showWindow(T0, T0 + 10_000);
        assertTrue(bounds("a").getMinY() < bounds("b").getMinY(), "alpha ran first: its lane is on top");

        runFx(() -> model.put(warm("g", "gamma", T0 + 3_000, 500)));
        runFx(() -> model.put(warm("b2", "beta", T0 + 4_000, 500)));
        assertTrue(bounds("b").getMinY() < bounds("g").getMinY(), "a new container's lane comes below");
        assertEquals(bounds("b").getMinY(), bounds("b2").getMinY(), "a container's bars share its lane");
        assertEquals(List.of("alpha", "beta", "gamma"), onFx(() -> model.lanes().stream().map(TimelineLane::key).toList()));
        waitUntil(() -> timeline.lastFrame().lanes() == 3);
    }

    @Test
    void runningBarsGrowAsTimePasses() throws Exception {
        model.put(running("run", "c1", T0 + 1_000, StartKind.COLD));
        clock.set(T0 + 2_000);
        show(900, 300);
        showWindow(T0, T0 + 10_000);
        Bounds early = bounds("run");
        double y = early.getCenterY();
        double later = early.getMaxX() + early.getWidth() * 1.5;   // where the bar will reach at 4.5 s
        Color cold = palette().cold.get();
        waitUntil(() -> timeline.lastFrame().barsInView() == 1);
        assertFalse(close(pixel(later, y), cold), "not drawn there yet");

        clock.set(T0 + 5_000);
        waitUntil(() -> close(pixel(later, y), cold));
        Bounds grown = bounds("run");
        assertEquals(early.getWidth() * 4, grown.getWidth(), 2, "four seconds long now, one second before");

        // it finishes: it stops growing
        runFx(() -> model.put(model.bar("run").orElseThrow().finished(T0 + 5_000, Outcome.SUCCESS)));
        clock.set(T0 + 8_000);
        assertEquals(grown.getWidth(), bounds("run").getWidth(), 0.5);
    }

    @Test
    void selectingFromOutsideScrollsTheBarIntoView() throws Exception {
        List<TimelineBar> bars = new ArrayList<>();
        for (int lane = 0; lane < 30; lane++) {
            bars.add(warm("first-" + lane, "lane-" + lane, T0 + lane * 10L, 200));
        }
        bars.add(warm("far", "lane-29", T0 + 600_000, 300));
        model.putAll(bars);
        show(900, 300);
        showWindow(T0, T0 + 5_000);
        runFx(() -> timeline.panBy(0, -10_000));
        Bounds far = bounds("far");
        assertTrue(far.getMinX() > 900 && far.getMinY() > 300, "out of view at first: " + far);

        assertTrue(onFx(() -> timeline.select("far")));
        Bounds shown = bounds("far");
        double height = onFx(timeline::getHeight);
        assertTrue(shown.getMinX() >= 0 && shown.getMaxX() <= 900, "scrolled in time: " + shown);
        assertTrue(shown.getMinY() >= TimelineViewport.AXIS_HEIGHT && shown.getMaxY() <= height, "scrolled to its lane: " + shown);
        assertEquals(5_000, onFx(() -> timeline.visibleWindow().span()), 1, "the zoom is kept");
        assertEquals("far", onFx(timeline::getSelectedActivationId));
        assertFalse(onFx(timeline::isFollowLive));
        assertTrue(opened.isEmpty(), "selecting from outside does not open it again");
        // the selection is outlined in the selection colour
        Color outline = palette().selection.get();
        waitUntil(() -> close(pixel(shown.getCenterX(), shown.getMinY() - 1.5), outline));

        assertFalse(onFx(() -> timeline.select("unknown")));
        assertEquals("unknown", onFx(timeline::getSelectedActivationId));
        runFx(timeline::clearSelection);
        assertNull(onFx(timeline::getSelectedActivationId));
    }

    @Test
    void barsAreDrawnInTheThemesColoursLightAndDark() throws Exception {
        model.put(bar("cold", "c1", T0 + 1_000, 500, 2_000, 4_000, StartKind.COLD, Outcome.SUCCESS));
        model.put(bar("prewarm", "c2", T0 + 1_000, 0, 1_000, 4_000, StartKind.PREWARM, Outcome.SUCCESS));
        model.put(bar("failed", "c3", T0 + 1_000, 0, -1, 6_000, StartKind.WARM, Outcome.APPLICATION_ERROR));
        show(900, 300);
        showWindow(T0, T0 + 10_000);
        waitUntil(() -> timeline.lastFrame().barsInView() == 3);

        for (ThemeChoice theme : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
            runFx(() -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()));
            TimelinePalette palette = palette();
            Bounds cold = bounds("cold");
            Bounds prewarm = bounds("prewarm");
            Bounds failed = bounds("failed");
            // the cold bar: its run part (the last 4 of 6.5 s) in the cold colour
            waitUntil(() -> close(pixel(cold.getMinX() + cold.getWidth() * 0.8, cold.getCenterY()), palette.cold.get()));
            assertTrue(close(pixel(prewarm.getMinX() + prewarm.getWidth() * 0.8, prewarm.getCenterY()), palette.prewarm.get()));
            assertTrue(close(pixel(failed.getMinX() + failed.getWidth() * 0.5, failed.getCenterY()), palette.warm.get()));
            assertTrue(close(pixel(failed.getMinX() + failed.getWidth() * 0.5, failed.getMaxY() - 1.5), palette.error.get()),
                    "a failed bar carries the danger colour");
            Color background = pixel(cold.getMaxX() + 100, cold.getCenterY());
            if (theme == ThemeChoice.LIGHT) {
                assertTrue(background.getBrightness() > 0.85, "light background: " + background);
            } else {
                assertTrue(background.getBrightness() < 0.3, "dark background: " + background);
            }
        }
        assertNotEquals(Color.DARKORANGE, palette().cold.get(), "the colour comes from the theme, not the fallback");
    }

    @Test
    void changesWithinAPulseMakeOneFrameAndNothingChangingMakesNone() throws Exception {
        model.put(warm("seed", "c0", T0, 100));
        show(900, 300);
        showWindow(T0, T0 + 60_000);
        waitPulses(5);
        long before = onFx(timeline::redrawCount);
        waitPulses(10);
        assertEquals(before, onFx(timeline::redrawCount), "idle: no redraws");

        runFx(() -> {
            for (int i = 0; i < 50; i++) {
                model.put(warm("burst-" + i, "c" + (i % 4), T0 + 1_000 + i * 200L, 100));
            }
            timeline.zoom(1.1, 300);
            timeline.panBy(5, 0);
        });
        waitUntil(() -> timeline.redrawCount() > before);
        waitPulses(10);
        assertEquals(before + 1, onFx(timeline::redrawCount), "50 bars, a zoom and a pan in one go: one frame");
        assertTrue(onFx(() -> timeline.lastFrame().barsInView()) > 40, "the frame shows the burst");
    }

    @Test
    void aViewAskedForBeforeTheFirstLayoutIsAppliedOnceShown() throws Exception {
        model.putAll(List.of(warm("a", "c1", T0 + 1_000, 500), warm("b", "c2", T0 + 9_000, 1_000)));
        FxToolkit.setupSceneRoot(() -> {
            timeline = new ActivationTimeline(model, clock);
            timeline.setFollowLive(false);
            timeline.fitAll();
            StackPane root = new StackPane(timeline);
            root.setPrefSize(900, 300);
            return root;
        });
        FxToolkit.setupStage(stage -> stage.sizeToScene());
        FxToolkit.showStage();
        waitUntil(() -> timeline.lastFrame().barsInView() == 2);
        TimeWindow fitted = onFx(timeline::visibleWindow);
        assertTrue(fitted.contains(T0 + 1_000) && fitted.contains(T0 + 10_000), fitted.toString());
        assertTrue(fitted.span() < 10_000, "fitted to the bars: " + fitted);
    }

    @Test
    void theToolbarFitsZoomsAndTogglesFollowLive() throws Exception {
        model.putAll(List.of(warm("a", "c1", T0 + 1_000, 500), warm("b", "c2", T0 + 9_000, 1_000)));
        FxToolkit.setupSceneRoot(() -> {
            timeline = new ActivationTimeline(model, clock);
            javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(timeline);
            root.setTop(new TimelineControls(timeline));
            root.setPrefSize(900, 300);
            return root;
        });
        FxToolkit.setupStage(stage -> stage.sizeToScene());
        FxToolkit.showStage();
        javafx.scene.control.ToggleButton follow = robot.lookup("#timeline-follow").queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(onFx(follow::isSelected), "the toggle shows follow-live");

        robot.clickOn(follow);
        waitUntil(() -> !timeline.isFollowLive());
        robot.clickOn("#timeline-fit");
        waitUntil(() -> timeline.visibleWindow().contains(T0 + 1_000) && timeline.visibleWindow().span() < 12_000);
        double fitted = onFx(() -> timeline.visibleWindow().span());
        robot.clickOn("#timeline-zoom-in");
        waitUntil(() -> Math.abs(timeline.visibleWindow().span() - fitted / ActivationTimeline.ZOOM_STEP) < 1);
        robot.clickOn("#timeline-zoom-out");
        robot.clickOn("#timeline-zoom-out");
        waitUntil(() -> Math.abs(timeline.visibleWindow().span() - fitted * ActivationTimeline.ZOOM_STEP) < 1);

        runFx(() -> timeline.panBy(-100, 0));
        assertFalse(onFx(follow::isSelected));
        robot.clickOn(follow);
        waitUntil(timeline::isFollowLive);
    }

    /** Waits until {@code count} pulses have passed. */
    private static void waitPulses(int count) throws Exception {
        java.util.concurrent.atomic.AtomicInteger pulses = new java.util.concurrent.atomic.AtomicInteger();
        javafx.animation.AnimationTimer counter = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        runFx(counter::start);
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> pulses.get() >= count);
        } finally {
            runFx(counter::stop);
        }
    }

    @Test
    void aFrameVisitsOnlyWhatIsVisibleAndMergesThinBars() throws Exception {
        model.putAll(Bars.workload(10_000, 20, T0, 11));
        show(1_000, 540);
        runFx(() -> {
            timeline.setFollowLive(false);
            timeline.fitAll();
        });
        waitUntil(() -> timeline.lastFrame().barsInView() == 10_000);
        FrameStats all = onFx(timeline::lastFrame);
        assertEquals(20, all.lanes());
        assertTrue(all.barsMerged() > 9_000, "at fit-all nearly every bar is under two pixels: " + all);
        assertTrue(all.rectangles() < 10_000, "thin bars are merged into fewer rectangles: " + all);

        long middle = onFx(() -> (long) timeline.visibleWindow().center());
        showWindow(middle, middle + 2_000);
        waitUntil(() -> timeline.lastFrame().barsInView() < 1_000);
        FrameStats zoomed = onFx(timeline::lastFrame);
        assertTrue(zoomed.barsInView() > 0 && zoomed.barsDrawnWhole() > 0, zoomed.toString());
        assertTrue(zoomed.barsLookedAt() < zoomed.barsInView() + 300, "the index looks at little more than it shows: " + zoomed);
    }
}
