package dev.whiskstudio.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.debug.Breakpoint;
import dev.whiskstudio.app.debug.DebugBackend;
import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.DebugSessionOptions;
import dev.whiskstudio.app.debug.DebugTarget;
import dev.whiskstudio.app.debug.LocalProxyBackend;
import dev.whiskstudio.app.debug.PausedState;
import dev.whiskstudio.app.debug.SourceMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The debugger against a real action proxy (started as the process backend starts a container, with the inspector
 * on, and initialised with an inline action), through {@link DebugSession} and our protocol client:
 *
 * <ul>
 * <li><b>to the first breakpoint</b>: from launching the session (the backend starts the proxy and runs
 * {@code /init}; the session attaches, enables the domains and sets the breakpoint) and sending {@code /run}, to the
 * session's paused state at the breakpoint, mapped to the user's line. Shown whole and without the proxy's start
 * (attach + breakpoint + run to paused), which is the simulator's part in the app. A fresh proxy each run.</li>
 * <li><b>step round trip</b>: from a step over command to the session's next paused state with its new location
 * (the same moment the app's editor gets the line to highlight, minus the hop to the FX thread), in a loop of the
 * action, median over the measured steps after a warm-up.</li>
 * </ul>
 *
 * Properties: {@code bench.debug.runs} (10), {@code bench.debug.steps} (200), {@code bench.debug.warmup} (50),
 * {@code bench.only} ({@code debug} or {@code all} runs this one).
 */
public final class DebugBenchmark {
    private static final long WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTION = String.join("\n",
            "function main(params) {",              // 1
            "  let sum = 0;",                       // 2
            "  for (let i = 0; i < 100000; i++) {", // 3
            "    sum += i;",                        // 4
            "  }",                                  // 5
            "  return { sum };",                    // 6
            "}",                                    // 7
            "");
    private static final int BREAKPOINT_LINE = 4;

    private DebugBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "all").trim();
        if (!only.isEmpty() && !only.equals("all") && !only.equals("debug")) {
            System.out.println("debug benchmark skipped (bench.only=" + only + ")");
            return;
        }
        int runs = Integer.getInteger("bench.debug.runs", 10);
        int steps = Integer.getInteger("bench.debug.steps", 200);
        int warmup = Integer.getInteger("bench.debug.warmup", 50);
        System.out.println("== Whisk Studio debugger benchmark ==");
        System.out.printf(Locale.ROOT, "java %s | %d cpus | %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), nodeVersion());

        Path scratch = Files.createTempDirectory("whisk-debug-bench-");
        try {
            List<long[]> firstPause = new ArrayList<>();
            for (int i = 0; i < runs + 1; i++) {
                long[] t = firstBreakpoint(scratch.resolve("run-" + i));
                if (i == 0) {
                    System.out.printf(Locale.ROOT, "warm-up run: %.1f ms%n", t[0] / 1e6);
                } else {
                    firstPause.add(t);
                }
            }
            List<Long> stepNanos = stepRoundTrips(scratch.resolve("steps"), steps, warmup);

            System.out.println();
            System.out.println("| measure | samples | median | p90 | min | max | target |");
            System.out.println("|---|---:|---:|---:|---:|---:|---|");
            List<Long> total = firstPause.stream().map(t -> t[0]).toList();
            List<Long> start = firstPause.stream().map(t -> t[1]).toList();
            List<Long> rest = firstPause.stream().map(t -> t[0] - t[1]).toList();
            row("launch + breakpoint + /run to paused (whole)", total, 1_000_000_000L, "< 1 s");
            row("  of which the proxy's start and /init", start, -1, "");
            row("  attach + breakpoint + /run to paused", rest, 1_000_000_000L, "< 1 s");
            row("step over: command to paused at the new line", stepNanos, 50_000_000L, "< 50 ms");
        } finally {
            deleteTree(scratch);
        }
    }

    /** One fresh proxy: {whole, proxy start + init} in nanoseconds. */
    private static long[] firstBreakpoint(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("loop.js"), ACTION);
        TimedBackend backend = new TimedBackend(new LocalProxyBackend(dir, LocalProxyBackend.ActionCode.inline(ACTION)));
        DebugSession session = new DebugSession(DebugSessionOptions.defaults(Runnable::run));
        try {
            long t0 = System.nanoTime();
            CompletableFuture<PausedState> pause = session.nextPause();
            session.setBreakpoint(Breakpoint.at(file, BREAKPOINT_LINE));
            session.launch(backend, target -> SourceMapping.inlineAction(file, target.scriptUrl()))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            CompletableFuture<LocalProxyBackend.Reply> reply = backend.proxy.run(JSON.createObjectNode());
            PausedState paused = pause.get(WAIT_SECONDS, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            check(paused, file, BREAKPOINT_LINE);
            session.setBreakpoints(file, List.of()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            session.resume().get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (reply.get(WAIT_SECONDS, TimeUnit.SECONDS).status() != 200) {
                throw new IllegalStateException("the activation failed");
            }
            return new long[]{t1 - t0, backend.startNanos};
        } finally {
            session.close().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static List<Long> stepRoundTrips(Path dir, int steps, int warmup) throws Exception {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("loop.js"), ACTION);
        LocalProxyBackend backend = new LocalProxyBackend(dir, LocalProxyBackend.ActionCode.inline(ACTION));
        DebugSession session = new DebugSession(DebugSessionOptions.defaults(Runnable::run));
        try {
            session.setBreakpoint(Breakpoint.at(file, BREAKPOINT_LINE));
            session.launch(backend, target -> SourceMapping.inlineAction(file, target.scriptUrl()))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            CompletableFuture<PausedState> first = session.nextPause();
            CompletableFuture<LocalProxyBackend.Reply> reply = backend.run(JSON.createObjectNode());
            check(first.get(WAIT_SECONDS, TimeUnit.SECONDS), file, BREAKPOINT_LINE);
            session.setBreakpoints(file, List.of()).get(WAIT_SECONDS, TimeUnit.SECONDS);

            List<Long> measured = new ArrayList<>(steps);
            int lastLine = BREAKPOINT_LINE;
            for (int i = 0; i < warmup + steps; i++) {
                long t0 = System.nanoTime();
                CompletableFuture<PausedState> next = session.nextPause();
                session.stepOver();
                PausedState paused = next.get(WAIT_SECONDS, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                int line = paused.location().orElseThrow().line();
                if (line == lastLine && line == BREAKPOINT_LINE || line < 3 || line > 4) {
                    throw new IllegalStateException("stepped to an unexpected line " + line + " after " + lastLine);
                }
                lastLine = line;
                if (i >= warmup) {
                    measured.add(t1 - t0);
                }
            }
            session.resume().get(WAIT_SECONDS, TimeUnit.SECONDS);
            reply.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return measured;
        } finally {
            session.close().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void check(PausedState paused, Path file, int line) {
        if (!paused.location().map(l -> l.file().equals(file) && l.line() == line).orElse(false)) {
            throw new IllegalStateException("paused at " + paused.location() + ", not " + file + ":" + line);
        }
    }

    private static void row(String what, List<Long> nanos, long targetNanos, String target) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(Comparator.naturalOrder());
        long median = sorted.get(sorted.size() / 2);
        long p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
        String verdict = targetNanos < 0 ? "" : target + ": " + (median < targetNanos ? "yes" : "no");
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", what, sorted.size(), ms(median),
                ms(p90), ms(sorted.get(0)), ms(sorted.get(sorted.size() - 1)), verdict);
    }

    private static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return "node " + v;
        } catch (IOException e) {
            return "node missing";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "node ?";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Times the backend's start (the proxy's spawn, its ready line, /init). */
    private static final class TimedBackend implements DebugBackend {
        final LocalProxyBackend proxy;
        volatile long startNanos;

        TimedBackend(LocalProxyBackend proxy) {
            this.proxy = proxy;
        }

        @Override
        public DebugTarget start() throws IOException {
            long t0 = System.nanoTime();
            DebugTarget target = proxy.start();
            startNanos = System.nanoTime() - t0;
            return target;
        }

        @Override
        public void setPaused(DebugTarget target, boolean paused) {
            proxy.setPaused(target, paused);
        }

        @Override
        public void stop(DebugTarget target) {
            proxy.stop(target);
        }
    }
}
