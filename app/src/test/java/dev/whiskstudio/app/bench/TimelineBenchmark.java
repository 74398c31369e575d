package dev.whiskstudio.app.bench;

import atlantafx.base.theme.PrimerLight;
import com.sun.javafx.perf.PerformanceTracker;
import dev.whiskstudio.app.activations.timeline.ActivationTimeline;
import dev.whiskstudio.app.activations.timeline.FrameStats;
import dev.whiskstudio.app.activations.timeline.TimeWindow;
import dev.whiskstudio.app.activations.timeline.TimelineBar;
import dev.whiskstudio.app.activations.timeline.TimelineBar.Outcome;
import dev.whiskstudio.app.activations.timeline.TimelineBar.StartKind;
import dev.whiskstudio.app.activations.timeline.TimelineModel;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Frame times of the activations timeline with 10,000 bars, while panning and zooming.
 *
 * <p>Each frame is one step of a gesture (a zoom around a point, or a pan) applied at the start of a pulse, in an
 * animation timer, as a wheel or drag event would be handled; then the timeline's redraw is called and timed (the
 * drawing calls into the canvas), and the frame is timed on to the moment the renderer has painted it (the scene's
 * performance tracker calls back from the render thread): CSS, layout, the scene's sync and the rendering of the
 * canvas's commands included. The next step waits for that frame to be painted.
 *
 * <p>Scenes: 30 container lanes at "fit all" (all 10,000 bars in view), zoomed in to a minute and to 5 seconds while
 * panning, and 8 action lanes full of overlapping bars (a cluster's layout) at "fit all". Headless (Monocle, software
 * rendering) unless {@code DISPLAY} is set. Properties: {@code bench.timeline.bars} (10000),
 * {@code bench.timeline.frames} (300), {@code bench.timeline.warmup} (150), {@code bench.only} ({@code timeline} or
 * {@code all} runs this one).
 */
public final class TimelineBenchmark {
    private static final long TIMEOUT_SECONDS = 120;
    private static final long T0 = 1_700_000_000_000L;
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    private final int bars;
    private final int frames;
    private final int warmup;
    private Stage stage;

    private TimelineBenchmark(int bars, int frames, int warmup) {
        this.bars = bars;
        this.frames = frames;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws Exception {
        if (!BenchFx.chosen("timeline benchmark", "timeline")) {
            return;
        }
        String screen = BenchFx.screen();
        TimelineBenchmark benchmark = new TimelineBenchmark(Integer.getInteger("bench.timeline.bars", 10_000),
                Integer.getInteger("bench.timeline.frames", 300), Integer.getInteger("bench.timeline.warmup", 150));
        try {
            benchmark.run(screen);
        } finally {
            Platform.exit();
        }
    }

    /** One gesture, as a step applied each frame to the timeline. */
    private record Gesture(String name, int lanes, boolean overlapping, Consumer<ActivationTimeline> setUp,
                          Stepper step) {
    }

    private interface Stepper {
        void step(ActivationTimeline timeline, int frame);
    }

    private record Result(String name, List<Double> redraw, List<Double> frame, FrameStats sample) {
    }

    private void run(String screen) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(), WIDTH, HEIGHT));
            stage.show();
            return null;
        });

        double center = WIDTH * 0.6;
        List<Gesture> scenes = List.of(
                new Gesture("30 container lanes, fit all, zooming in and out around the pointer", 30, false,
                        ActivationTimeline::fitAll,
                        (t, i) -> t.zoom(i % 2 == 0 ? 1.05 : 1 / 1.05, center)),
                new Gesture("30 container lanes, fit all, panning", 30, false, ActivationTimeline::fitAll,
                        (t, i) -> t.panBy(i % 40 < 20 ? 6 : -6, 0)),
                new Gesture("30 container lanes, 1-minute window, panning", 30, false,
                        t -> t.showWindow(window(t, 60_000)), (t, i) -> t.panBy(i % 200 < 100 ? 25 : -25, 0)),
                new Gesture("30 container lanes, 5-second window, panning", 30, false,
                        t -> t.showWindow(window(t, 5_000)), (t, i) -> t.panBy(i % 200 < 100 ? 25 : -25, 0)),
                new Gesture("8 action lanes (overlapping bars), fit all, zooming", 8, true, ActivationTimeline::fitAll,
                        (t, i) -> t.zoom(i % 2 == 0 ? 1.05 : 1 / 1.05, center)));

        boolean tracked = onFx(() -> PerformanceTracker.getSceneTracker(stage.getScene()) != null);
        List<Result> results = new ArrayList<>();
        for (Gesture scene : scenes) {
            results.add(measure(scene));
        }

        System.out.println();
        System.out.println("## Timeline: frames with " + String.format(Locale.ROOT, "%,d", bars) + " bars");
        System.out.println();
        System.out.println("Screen: " + screen + "; window " + WIDTH + "×" + HEIGHT + "; " + frames
                + " measured frames per scene after " + warmup + " warm-up ones; Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs.");
        System.out.println();
        System.out.println("| scene | bars in view | drawn whole | merged | rectangles | redraw call median / p90 / max (ms) | frame to painted median / p90 / max (ms) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result result : results) {
            FrameStats s = result.sample();
            System.out.println(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %s | %s |", result.name(),
                    s.barsInView(), s.barsDrawnWhole(), s.barsMerged(), s.rectangles(), triple(result.redraw()),
                    tracked ? triple(result.frame()) : "n/a"));
        }
        System.out.println();
        double worstMedian = results.stream().mapToDouble(r -> percentile(tracked ? r.frame() : r.redraw(), 50)).max().orElse(0);
        double worstP90 = results.stream().mapToDouble(r -> percentile(tracked ? r.frame() : r.redraw(), 90)).max().orElse(0);
        System.out.println(String.format(Locale.ROOT,
                "Target: a frame under 16 ms: %s (worst scene: median %.2f ms, p90 %.2f ms)",
                worstP90 < 16 ? "met" : worstMedian < 16 ? "met at the median, not at p90" : "NOT met", worstMedian, worstP90));
        if (!tracked) {
            System.out.println("(the scene's performance tracker was not available: only the redraw call is timed)");
        }
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    private static TimeWindow window(ActivationTimeline timeline, double span) {
        double middle = timeline.visibleWindow().center();
        return new TimeWindow(middle - span / 2, middle + span / 2);
    }

    private Result measure(Gesture scene) throws Exception {
        TimelineModel model = new TimelineModel();
        model.putAll(workload(bars, scene.lanes(), scene.overlapping()));
        long end = model.latestEnd(0).orElseThrow();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(end + 1_000), ZoneOffset.UTC);
        ActivationTimeline timeline = onFx(() -> {
            ActivationTimeline t = new ActivationTimeline(model, clock);
            t.setFollowLive(false);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(t);
            return t;
        });
        // let it lay out and paint once, then set the scene's starting view
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (onFx(() -> timeline.lastFrame().lanes() == 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the timeline was never drawn");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        onFx(() -> {
            timeline.fitAll();
            scene.setUp().accept(timeline);
            return null;
        });

        List<Double> redraw = new ArrayList<>();
        List<Double> frame = new ArrayList<>();
        CompletableFuture<FrameStats> done = new CompletableFuture<>();
        FrameLoop loop = onFx(() -> new FrameLoop(timeline, scene.step(), warmup, frames, redraw, frame, done));
        onFx(() -> {
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(stage.getScene());
            if (tracker != null) {
                tracker.setOnRenderedFrameTask(loop::painted);
            }
            loop.start();
            return null;
        });
        FrameStats sample = done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        onFx(() -> {
            loop.stop();
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(stage.getScene());
            if (tracker != null) {
                tracker.setOnRenderedFrameTask(null);
            }
            timeline.dispose();
            ((StackPane) stage.getScene().getRoot()).getChildren().clear();
            return null;
        });
        return new Result(scene.name(), redraw, frame, sample);
    }

    /** Applies a step and redraws at the start of a pulse, once the previous frame has been painted. */
    private static final class FrameLoop extends AnimationTimer {
        private final ActivationTimeline timeline;
        private final Stepper step;
        private final int warmup;
        private final int frames;
        private final List<Double> redraw;
        private final List<Double> frame;
        private final CompletableFuture<FrameStats> done;
        private final boolean tracked;
        private int index;
        /** When the frame waiting to be painted began (0: none waits); written on both threads. */
        private volatile long waitingSince;
        private volatile long paintedAt;

        FrameLoop(ActivationTimeline timeline, Stepper step, int warmup, int frames, List<Double> redraw,
                  List<Double> frame, CompletableFuture<FrameStats> done) {
            this.timeline = timeline;
            this.step = step;
            this.warmup = warmup;
            this.frames = frames;
            this.redraw = redraw;
            this.frame = frame;
            this.done = done;
            this.tracked = PerformanceTracker.getSceneTracker(timeline.getScene()) != null;
        }

        /** Called on the render thread when a frame has been painted. */
        void painted() {
            if (waitingSince != 0) {
                paintedAt = System.nanoTime();
            }
        }

        @Override
        public void handle(long pulse) {
            if (waitingSince != 0) {
                if (tracked && paintedAt == 0) {
                    return;
                }
                if (index >= warmup && tracked) {
                    frame.add((paintedAt - waitingSince) / 1e6);
                }
                index++;
                waitingSince = 0;
                paintedAt = 0;
            }
            if (index >= warmup + frames) {
                stop();
                done.complete(timeline.lastFrame());
                return;
            }
            step.step(timeline, index);
            long start = System.nanoTime();
            timeline.redrawNow();
            long end = System.nanoTime();
            if (index >= warmup) {
                redraw.add((end - start) / 1e6);
            }
            waitingSince = start;
        }
    }

    /**
     * {@code count} bars over {@code lanes} lanes across about a quarter of an hour: in container lanes one after
     * another (the first of each lane cold, then mostly warm, some prewarm), in action lanes many at once.
     */
    private static List<TimelineBar> workload(int count, int lanes, boolean overlapping) {
        Random random = new Random(42);
        long span = 15 * 60_000L;
        long[] laneTime = new long[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            laneTime[lane] = T0 + random.nextInt(3_000);
        }
        List<TimelineBar> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int lane = i % lanes;
            StartKind kind = i < lanes ? StartKind.COLD
                    : random.nextInt(12) == 0 ? (random.nextBoolean() ? StartKind.PREWARM : StartKind.COLD) : StartKind.WARM;
            long queued = overlapping ? T0 + (long) (random.nextDouble() * span) : laneTime[lane];
            long start = queued + random.nextInt(60);
            long initEnd = kind == StartKind.WARM ? -1 : start + 150 + random.nextInt(600);
            long run = random.nextInt(60) == 0 ? 5_000 + random.nextInt(30_000) : 5 + random.nextInt(500);
            long end = (initEnd < 0 ? start : initEnd) + run;
            Outcome outcome = random.nextInt(25) == 0 ? Outcome.APPLICATION_ERROR : Outcome.SUCCESS;
            String laneKey = overlapping ? "guest/shop/action-" + lane : "wsk-nodejs-20-" + lane;
            result.add(new TimelineBar("activation-" + i, laneKey, laneKey, queued, start, initEnd, end, kind,
                    outcome, "action-" + lane));
            laneTime[lane] = end + random.nextInt((int) (2 * span * lanes / count));
        }
        return result;
    }

    private static String triple(List<Double> values) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", percentile(values, 50), percentile(values, 90),
                percentile(values, 100));
    }

    private static double percentile(List<Double> values, double p) {
        return BenchFx.percentile(values, p);
    }

    private static <T> T onFx(Supplier<T> call) throws Exception {
        return BenchFx.onFx(call, TIMEOUT_SECONDS);
    }
}
