package dev.whiskstudio.app.bench;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.activations.ActivationColumn;
import dev.whiskstudio.app.activations.ActivationFilter;
import dev.whiskstudio.app.activations.ActivationLog;
import dev.whiskstudio.app.activations.ActivationRow;
import dev.whiskstudio.app.activations.ActivationSort;
import dev.whiskstudio.app.activations.ActivationsView;
import dev.whiskstudio.app.activations.FilterRun;
import dev.whiskstudio.app.activations.RowInsight;
import dev.whiskstudio.app.activations.SavedFilters;
import dev.whiskstudio.app.activations.ShownActivations;
import dev.whiskstudio.app.activations.StartChoice;
import dev.whiskstudio.app.activations.StartKind;
import dev.whiskstudio.app.activations.StatusChoice;
import dev.whiskstudio.app.activations.TimeRange;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The activations list with 100,000 rows: applying filters, and scrolling the table through every row.
 *
 * <p>Rows are synthetic list entries shaped as the platform writes them (200 actions in 20 packages, mostly
 * successes, cold, prewarm and warm starts, spread over two days), each with a few lines of logs and a result for
 * the text search. Three measures:
 * <ol>
 *   <li>the filter engine alone ({@link FilterRun} over a snapshot of the log, as the view runs it off the FX
 *   thread), per filter;</li>
 *   <li>the same filters applied in the real view in a window: from the filter being set on the FX thread to the
 *   end of the layout of the first pulse that shows the result (the run off the FX thread, the hand-over, the list
 *   update, the table's layout);</li>
 *   <li>scrolling the table from the first row to the last, {@code bench.activations.scrollRows} rows per frame,
 *   driven by an {@link AnimationTimer} (one scroll step per pulse): the FX thread's work per frame (from the step
 *   to the end of that pulse's layout) and frames missed against 60 Hz (pulse intervals over 1.5 frames).</li>
 * </ol>
 *
 * <p>Headless (Monocle, software rendering) unless {@code DISPLAY} is set. Properties: {@code bench.activations.rows}
 * (100000), {@code bench.activations.runs} (30 per filter), {@code bench.activations.scrollRows} (40),
 * {@code bench.only} ({@code activations} or {@code all} runs this one).
 */
public final class ActivationsBenchmark {
    private static final long TIMEOUT_SECONDS = 120;
    private static final double FRAME_MS = 1000.0 / 60;

    private final int rowCount;
    private final int runs;
    private final int scrollRows;
    private final ExecutorService io = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-io");
        t.setDaemon(true);
        return t;
    });
    private Stage stage;
    private ActivationsView view;
    private long now;

    private ActivationsBenchmark(int rowCount, int runs, int scrollRows) {
        this.rowCount = rowCount;
        this.runs = runs;
        this.scrollRows = scrollRows;
    }

    public static void main(String[] args) throws Exception {
        if (!BenchFx.chosen("activations benchmark", "activations")) {
            return;
        }
        String screen = BenchFx.screen();
        ActivationsBenchmark benchmark = new ActivationsBenchmark(Integer.getInteger("bench.activations.rows", 100_000),
                Integer.getInteger("bench.activations.runs", 30), Integer.getInteger("bench.activations.scrollRows", 40));
        Path folder = Files.createTempDirectory("activations-bench");
        try {
            benchmark.run(folder, screen);
        } finally {
            benchmark.io.shutdownNow();
            Platform.exit();
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(ActivationsBenchmark::deleteQuietly);
            }
        }
    }

    /** A filter and its name in the tables; {@code before} is applied first (unmeasured), so each run changes the list. */
    private record Case(String name, ActivationFilter filter, ActivationSort sort, ActivationFilter before) {
        Case(String name, ActivationFilter filter, ActivationSort sort) {
            this(name, filter, sort, ActivationFilter.ALL);
        }
    }

    private List<Case> cases() {
        return List.of(
                new Case("text in name or id (\"checkout\")", ActivationFilter.ALL.withText("checkout"), ActivationSort.NEWEST_FIRST),
                new Case("two words (\"pkg07 action1\")", ActivationFilter.ALL.withText("pkg07 action1"), ActivationSort.NEWEST_FIRST),
                new Case("status: any error", ActivationFilter.ALL.withStatus(StatusChoice.FAILED), ActivationSort.NEWEST_FIRST),
                new Case("cold or prewarm", ActivationFilter.ALL.withStart(StartChoice.COLD_OR_PREWARM), ActivationSort.NEWEST_FIRST),
                new Case("package pkg03/", ActivationFilter.ALL.withAction("pkg03/"), ActivationSort.NEWEST_FIRST),
                new Case("last hour", ActivationFilter.ALL.withRange(TimeRange.last(TimeRange.Span.LAST_HOUR)), ActivationSort.NEWEST_FIRST),
                new Case("text in logs and result (\"timeout\")", ActivationFilter.ALL.withText("timeout").withSearchDocs(true), ActivationSort.NEWEST_FIRST),
                new Case("errors + text + last 24 h", ActivationFilter.ALL.withStatus(StatusChoice.FAILED).withText("pkg1")
                        .withRange(TimeRange.last(TimeRange.Span.LAST_24_HOURS)), ActivationSort.NEWEST_FIRST),
                new Case("no filter, sorted by duration", ActivationFilter.ALL, ActivationSort.by(ActivationColumn.DURATION, false)),
                new Case("no filter, after \"checkout\" (all rows back)", ActivationFilter.ALL, ActivationSort.NEWEST_FIRST,
                        ActivationFilter.ALL.withText("checkout")));
    }

    private void run(Path folder, String screen) throws Exception {
        now = System.currentTimeMillis();
        ActivationLog log = new ActivationLog();
        long fillStart = System.nanoTime();
        fill(log);
        double fillMs = (System.nanoTime() - fillStart) / 1e6;
        long heap = usedHeapAfterGc();
        // merging alone: the rows again, in pages of 200 as history pages arrive, newest page first
        List<ActivationRow> all = rowsOf(log);
        List<Double> merges = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            ActivationLog again = new ActivationLog();
            long t0 = System.nanoTime();
            for (int from = 0; from < all.size(); from += 200) {
                again.add(all.subList(from, Math.min(all.size(), from + 200)));
            }
            merges.add((System.nanoTime() - t0) / 1e6);
        }
        double mergeMs = percentile(merges, 50);

        // ---- the engine alone ----
        List<String[]> engine = new ArrayList<>();
        for (Case c : cases()) {
            List<Double> times = new ArrayList<>();
            int shown = 0;
            for (int i = 0; i < runs + 10; i++) {
                long t0 = System.nanoTime();
                FilterRun.Result r = FilterRun.run(log.snapshot(), c.filter().compile(System.currentTimeMillis()), c.sort());
                double ms = (System.nanoTime() - t0) / 1e6;
                if (i >= 10) {
                    times.add(ms);
                }
                shown = r.rows().size();
            }
            engine.add(row(c.name(), shown, times));
        }

        // ---- in the view ----
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            view = new ActivationsView(io, new SavedFilters(folder.resolve("filters.json"), io));
            stage = new Stage();
            Scene scene = new Scene(view, 1200, 760);
            scene.addPostLayoutPulseListener(this::pulse);
            stage.setScene(scene);
            stage.show();
            return null;
        });
        long viewStart = System.nanoTime();
        // added off the FX thread, as a feed does; the text read for the search comes along
        view.log().add(rowsOf(log));
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        for (var e : log.snapshot().entries()) {
            texts.put(e.row().activationId(), e.docText());
        }
        view.log().setDocTexts(texts);
        awaitShown(rowCount);
        double firstShowMs = (System.nanoTime() - viewStart) / 1e6;

        List<String[]> inView = new ArrayList<>();
        List<String[]> breakdown = new ArrayList<>();
        for (Case c : cases()) {
            List<Double> times = new ArrayList<>();
            List<Double> queued = new ArrayList<>();
            List<Double> filtered = new ArrayList<>();
            List<Double> handOff = new ArrayList<>();
            List<Double> applied = new ArrayList<>();
            int shown = 0;
            for (int i = 0; i < viewRuns() + 2; i++) {
                apply(new Case("before", c.before(), ActivationSort.NEWEST_FIRST));
                Measured m = apply(c);
                if (i >= 2) {
                    times.add(m.millis());
                    shown = m.shown();
                    queued.add(m.timing().queuedMs());
                    filtered.add(m.timing().filterMs());
                    handOff.add(m.timing().handOffMs());
                    applied.add(m.timing().applyMs());
                }
            }
            inView.add(row(c.name(), shown, times));
            breakdown.add(new String[] {c.name(), fmt(percentile(queued, 50)), fmt(percentile(filtered, 50)),
                    fmt(percentile(handOff, 50)), fmt(percentile(applied, 50)),
                    fmt(percentile(times, 50) - percentile(queued, 50) - percentile(filtered, 50)
                            - percentile(handOff, 50) - percentile(applied, 50))});
        }

        // ---- scrolling ----
        apply(new Case("all", ActivationFilter.ALL, ActivationSort.NEWEST_FIRST));
        Scroll scroll = scroll(scrollRows, rowCount);
        Scroll wheel = scroll(3, Math.min(rowCount, 3_000));

        System.out.println();
        System.out.println("## Activations list: " + String.format(Locale.ROOT, "%,d", rowCount) + " activations");
        System.out.println();
        System.out.println("Screen: " + screen + "; window 1200×760; Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB.");
        System.out.println(String.format(Locale.ROOT, "Making the rows (JSON entries, rows, search text) and adding them: "
                + "%.0f ms; adding %,d rows to an empty log in pages of 200, newest first: %.0f ms; heap in use after: %d MB; "
                + "from handing all rows to the view to the table showing them: %.0f ms.",
                fillMs, rowCount, mergeMs, heap / (1024 * 1024), firstShowMs));
        System.out.println();
        System.out.println("### Applying a filter: the engine (off the FX thread), " + runs + " runs each");
        System.out.println();
        printTable(engine);
        System.out.println();
        System.out.println("### Applying a filter in the view: set → end of the first pulse showing the result, "
                + viewRuns() + " runs each");
        System.out.println();
        printTable(inView);
        System.out.println();
        System.out.println("Where the time goes (medians, ms): waiting for a background thread, filtering and sorting "
                + "there, waiting for the FX thread, updating the table's list on it, and the rest (layout of the "
                + "table in the next pulse, and that pulse's wait for the renderer):");
        System.out.println();
        System.out.println("| filter | queued | filter + sort | hand-over | list update | pulse and layout |");
        System.out.println("|---|---|---|---|---|---|");
        for (String[] r : breakdown) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
        System.out.println();
        System.out.println("### Scrolling the table");
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "Through all %,d rows, %d rows per frame (≈%.0f px, every visible "
                + "row new each frame): %,d frames in %.1f s. Then a mouse-wheel pace, 3 rows per frame over the first "
                + "%,d rows: %,d frames.", rowCount, scrollRows, scrollRows * 26.0, scroll.frames(), scroll.seconds(),
                Math.min(rowCount, 3_000), wheel.frames()));
        System.out.println();
        System.out.println("| measure | median | p90 | p99 | max | frames over 16.7 ms of FX work | frames missed |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.println(stats("all rows, " + scrollRows + " per frame: FX work per frame (ms)", scroll));
        System.out.println(stats("all rows, " + scrollRows + " per frame: pulse interval (ms)", scroll.intervals()) + " | |");
        System.out.println(stats("3 rows per frame: FX work per frame (ms)", wheel));
        System.out.println(stats("3 rows per frame: pulse interval (ms)", wheel.intervals()) + " | |");
        System.out.println();
        System.out.println("FX work: from the scroll step (in an AnimationTimer) to the end of that pulse's layout. "
                + "Frames missed: pulse intervals over 1.5 frames of 60 Hz, counted in whole frames.");
        double worstMedian = inView.stream().mapToDouble(r -> Double.parseDouble(r[2])).max().orElse(0);
        System.out.println("Target: applying a filter under 100 ms: " + (worstMedian < 100 ? "met" : "NOT met")
                + String.format(Locale.ROOT, " (worst median in the view %.1f ms)", worstMedian));

        onFx(() -> {
            view.dispose();
            stage.close();
            return null;
        });
    }

    private int viewRuns() {
        return Math.max(5, runs / 2);
    }

    private static List<ActivationRow> rowsOf(ActivationLog log) {
        List<ActivationRow> rows = new ArrayList<>(log.size());
        for (var e : log.snapshot().entries()) {
            rows.add(e.row());
        }
        return rows;
    }

    /** 200 actions in 20 packages; 90% success; a fifth cold or prewarm; two days; logs and result for each. */
    private void fill(ActivationLog log) {
        Random random = new Random(42);
        String[] logLines = {"stdout: handling order", "stdout: calling the payment service", "stderr: retrying after timeout",
                "stdout: cart has 3 items", "stderr: Error: connection reset", "stdout: done"};
        List<ActivationRow> batch = new ArrayList<>(200);
        for (int i = 0; i < rowCount; i++) {
            int action = random.nextInt(200);
            String path = "pkg" + String.format(Locale.ROOT, "%02d", action % 20) + "/"
                    + (action % 7 == 0 ? "checkout" : "action" + action);
            long start = now - (long) (random.nextDouble() * 48 * 3_600_000L);
            int status = random.nextInt(100) < 90 ? 0 : 1 + random.nextInt(3);
            int kind = random.nextInt(10);
            Long init = kind < 2 ? 100L + random.nextInt(400) : null;
            ObjectNode entry = entry(String.format(Locale.ROOT, "%032x", i * 2654435761L & 0xffffffffffffL | ((long) i << 48)),
                    path, start, 5 + random.nextInt(2000), status, init, random.nextInt(50));
            ActivationRow row = ActivationRow.of(entry);
            if (kind == 1) {
                row = row.withInsight(new RowInsight(row.activationId(), "c" + action, StartKind.PREWARM, -1, -1));
            }
            batch.add(row);
            if (batch.size() == 200) {
                log.add(batch);
                batch.clear();
            }
        }
        log.add(batch);
        // the text of logs and result, as if read for the search
        Random text = new Random(7);
        for (var e : log.snapshot().entries()) {
            StringBuilder doc = new StringBuilder();
            for (int l = 0; l < 3; l++) {
                doc.append("2026-01-02t03:04:05.678z ").append(logLines[text.nextInt(logLines.length)]).append('\n');
            }
            doc.append("{\"ok\":").append(e.row().status().failed() ? "false" : "true").append(",\"items\":")
                    .append(text.nextInt(10)).append('}');
            log.setDocText(e.row().activationId(), doc.toString().toLowerCase(Locale.ROOT));
        }
    }

    private static ObjectNode entry(String id, String path, long start, long duration, int status, Long init, int wait) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("namespace", "guest");
        e.put("name", path.substring(path.indexOf('/') + 1));
        e.put("version", "0.0.1");
        e.put("publish", false);
        ArrayNode a = e.putArray("annotations");
        a.addObject().put("key", "path").put("value", "guest/" + path);
        a.addObject().put("key", "waitTime").put("value", wait);
        a.addObject().put("key", "kind").put("value", "nodejs:20");
        a.addObject().put("key", "timeout").put("value", false);
        a.addObject().put("key", "limits").putObject("value").put("timeout", 60000).put("memory", 256)
                .put("logs", 10).put("concurrency", 1);
        if (init != null) {
            a.addObject().put("key", "initTime").put("value", init);
        }
        e.put("activationId", id);
        e.put("start", start);
        e.put("end", start + duration);
        e.put("duration", duration);
        e.put("statusCode", status);
        return e;
    }

    // ---- the view: a filter set, and the pulse that shows it ----

    private record Measured(double millis, int shown, ShownActivations.RunTiming timing) {
    }

    /** The measurement waiting for a pulse; FX thread only. */
    private Probe probe;

    private static final class Probe {
        final long start;
        final long runsBefore;
        final CompletableFuture<Long> done = new CompletableFuture<>();

        Probe(long start, long runsBefore) {
            this.start = start;
            this.runsBefore = runsBefore;
        }
    }

    private Measured apply(Case c) throws Exception {
        Probe[] p = new Probe[1];
        onFx(() -> {
            boolean changes = !view.shown().filter().equals(c.filter()) || !view.shown().sort().equals(c.sort());
            p[0] = new Probe(System.nanoTime(), changes ? view.shown().runsApplied() : view.shown().runsApplied() - 1);
            probe = p[0];
            view.filterBar().setFilter(c.filter());
            if (!view.shown().sort().equals(c.sort())) {
                view.shown().setSort(c.sort());
            }
            Platform.requestNextPulse();
            return null;
        });
        long end = p[0].done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        int shown = onFx(() -> view.shown().rows().size());
        return new Measured((end - p[0].start) / 1e6, shown, onFx(() -> view.shown().lastTiming()));
    }

    private void awaitShown(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (onFx(() -> view.shown().rows().size()) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the view did not show the rows");
            }
            CompletableFuture<Void> pulse = new CompletableFuture<>();
            Platform.runLater(() -> pulse.complete(null));
            pulse.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** After the layout of every pulse: closes the probe once the run it waits for has been applied. */
    private void pulse() {
        Probe open = probe;
        if (open == null) {
            return;
        }
        if (view.shown().runsApplied() > open.runsBefore && !view.shown().runningProperty().get()) {
            probe = null;
            open.done.complete(System.nanoTime());
        } else {
            Platform.requestNextPulse();
        }
    }

    // ---- scrolling ----

    private record Scroll(int frames, double seconds, List<Double> work, List<Double> intervals, int dropped) {
    }

    private Scroll scroll(int rowsPerFrame, int throughRow) throws Exception {
        CompletableFuture<Scroll> result = new CompletableFuture<>();
        onFx(() -> {
            @SuppressWarnings("unchecked")
            VirtualFlow<?> flow = (VirtualFlow<?>) view.table().lookup(".virtual-flow");
            view.table().scrollTo(0);
            List<Double> work = new ArrayList<>();
            List<Double> intervals = new ArrayList<>();
            long[] stepAt = {0};
            long[] lastPulse = {0};
            int[] dropped = {0};
            long begin = System.nanoTime();
            double step = rowsPerFrame * view.table().getFixedCellSize();
            Runnable layoutDone = () -> {
                if (stepAt[0] != 0) {
                    work.add((System.nanoTime() - stepAt[0]) / 1e6);
                    stepAt[0] = 0;
                }
            };
            view.getScene().addPostLayoutPulseListener(layoutDone);
            new AnimationTimer() {
                private int warmup = 10;

                @Override
                public void handle(long frameTime) {
                    long t = System.nanoTime();
                    if (lastPulse[0] != 0 && warmup <= 0) {
                        double interval = (t - lastPulse[0]) / 1e6;
                        intervals.add(interval);
                        if (interval > 1.5 * FRAME_MS) {
                            dropped[0] += (int) Math.round(interval / FRAME_MS) - 1;
                        }
                    }
                    lastPulse[0] = t;
                    if (warmup-- > 0) {
                        return;
                    }
                    var last = flow.getLastVisibleCell();
                    if (last != null && last.getIndex() >= throughRow - 1) {
                        stop();
                        view.getScene().removePostLayoutPulseListener(layoutDone);
                        result.complete(new Scroll(work.size(), (System.nanoTime() - begin) / 1e9, work, intervals,
                                dropped[0]));
                        return;
                    }
                    stepAt[0] = t;
                    flow.scrollPixels(step);
                }
            }.start();
            return null;
        });
        return result.get(TIMEOUT_SECONDS * 5, TimeUnit.SECONDS);
    }

    // ---- printing ----

    private static String[] row(String name, int shown, List<Double> times) {
        return new String[] {name, String.format(Locale.ROOT, "%,d", shown),
                String.format(Locale.ROOT, "%.1f", percentile(times, 50)),
                String.format(Locale.ROOT, "%.1f", percentile(times, 90)),
                String.format(Locale.ROOT, "%.1f", percentile(times, 100))};
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    private static void printTable(List<String[]> rows) {
        System.out.println("| filter | rows shown | median (ms) | p90 (ms) | max (ms) |");
        System.out.println("|---|---|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    private static String stats(String name, Scroll scroll) {
        long overBudget = scroll.work().stream().filter(w -> w > FRAME_MS).count();
        return stats(name, scroll.work()) + String.format(Locale.ROOT, " %d of %,d | %d |", overBudget, scroll.frames(),
                scroll.dropped());
    }

    private static String stats(String name, List<Double> values) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |", name, percentile(values, 50),
                percentile(values, 90), percentile(values, 99), percentile(values, 100));
    }

    private static double percentile(List<Double> values, double p) {
        return BenchFx.percentile(values, p);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static <T> T onFx(Supplier<T> call) throws Exception {
        return BenchFx.onFx(call, TIMEOUT_SECONDS);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.err.println("could not delete " + path + ": " + e.getMessage());
        }
    }
}
