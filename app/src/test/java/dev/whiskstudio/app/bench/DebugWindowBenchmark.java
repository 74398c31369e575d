package dev.whiskstudio.app.bench;

import dev.whiskstudio.app.AppConfig;
import dev.whiskstudio.app.ThemeChoice;
import dev.whiskstudio.app.WhiskStudioApp;
import dev.whiskstudio.app.debug.DebugState;
import dev.whiskstudio.app.debug.PausedState;
import dev.whiskstudio.app.debug.ui.DebugContext;
import dev.whiskstudio.app.debug.ui.UserBreakpoint;
import dev.whiskstudio.app.editor.gutter.LineGutter;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.node.NodeProbe;
import dev.whiskstudio.app.workbench.Command;
import dev.whiskstudio.app.workbench.Workbench;
import dev.whiskstudio.sim.config.Profile;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The debugger as a user meets it, in the real window with its embedded simulator (process backend):
 *
 * <ul>
 * <li><b>Debug to paused, new session</b>: from the Debug command (the project already synced, a breakpoint in the
 * gutter) to the editor's gutter highlighting the breakpoint's line: the simulator starts the debug container with
 * the inspector, the app attaches and sets the breakpoints, invokes, the action runs to the line, the pause reaches
 * the editor. The session is stopped after each run, so each run starts a container.</li>
 * <li><b>Debug to paused, session on</b>: the same with the session of the last Debug still on (its container
 * reused), as when a user debugs the same action again.</li>
 * <li><b>step round trip</b>: from the Step Over command to the gutter highlighting the new line, in a loop of the
 * action; median over the measured steps after a warm-up.</li>
 * </ul>
 *
 * Headless (Monocle) unless {@code DISPLAY} is set. Properties: {@code bench.debugui.runs} (10),
 * {@code bench.debugui.steps} (200), {@code bench.debugui.warmup} (40), {@code bench.only} ({@code debugui},
 * {@code debug} or {@code all} runs this one).
 */
public final class DebugWindowBenchmark {
    private static final long WAIT_SECONDS = 60;
    private static final int BREAKPOINT_LINE = 4;
    private static final String ACTION = String.join("\n",
            "function main(params) {",               // 1
            "  let sum = 0;",                        // 2
            "  for (let i = 0; i < 1000000; i++) {", // 3
            "    sum += i;",                         // 4
            "  }",                                   // 5
            "  return { sum };",                     // 6
            "}",                                     // 7
            "");

    private Workbench workbench;
    private DebugContext context;
    private EditorDocument document;
    private Path file;

    public static void main(String[] args) throws Exception {
        if (!BenchFx.chosen("debug window benchmark", "debug", "debugui")) {
            return;
        }
        String screen = BenchFx.screen();
        Path folder = Files.createTempDirectory("debug-window-bench");
        WhiskStudioApp app = null;
        try {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(WAIT_SECONDS, TimeUnit.SECONDS);
            DebugWindowBenchmark benchmark = new DebugWindowBenchmark();
            app = benchmark.start(folder);
            benchmark.run(Integer.getInteger("bench.debugui.runs", 10), Integer.getInteger("bench.debugui.steps", 200),
                    Integer.getInteger("bench.debugui.warmup", 40),
                    screen);
        } finally {
            if (app != null) {
                WhiskStudioApp stopping = app;
                onFx(() -> {
                    stopping.stop();
                    return null;
                });
                stopping.stopped().get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            Platform.exit();
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private WhiskStudioApp start(Path folder) throws Exception {
        Path project = Files.createDirectories(folder.resolve("project"));
        file = Files.writeString(project.resolve("loop.js"), ACTION);
        Files.writeString(project.resolve("manifest.yml"), String.join("\n",
                "packages:", "  bench:", "    actions:", "      loop:", "        function: loop.js",
                "        runtime: nodejs:20", ""));
        AppConfig config = new AppConfig(folder.resolve("simulator"), 0, Profile.OPENWHISK, ThemeChoice.LIGHT)
                .withUserHome(Files.createDirectories(folder.resolve("home"))).withProject(project);
        WhiskStudioApp app = new WhiskStudioApp(config, new NodeProbe());
        onFx(() -> {
            app.init();
            app.start(new Stage());
            return null;
        });
        workbench = onFx(app::workbench);
        context = onFx(() -> workbench.debugPanel().context());
        waitFor(() -> onFx(() -> workbench.targets().simulatorEntry() != null
                && workbench.project().projectProperty().get() != null));
        document = onFx(() -> workbench.editors().open(file)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        onFx(() -> {
            workbench.targets().selectSimulator();
            workbench.invokePanel().setAction(new ActionRef("_", "bench", "loop"));
            workbench.invokePanel().editor().setText("{}");
            context.breakpoints().put(UserBreakpoint.at(file, BREAKPOINT_LINE));
            return null;
        });
        return app;
    }

    private void run(int runs, int steps, int warmup, String screen) throws Exception {
        // the first Debug syncs the project to the simulator: not measured
        debugToPaused();
        stopSession();

        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            fresh.add(debugToPaused());
            stopSession();
            System.out.printf(Locale.ROOT, "debug to paused, new session %d/%d: %.1f ms%n", i + 1, runs,
                    fresh.get(fresh.size() - 1));
        }

        List<Double> reused = new ArrayList<>();
        debugToPaused();
        finishActivation();
        for (int i = 0; i < runs; i++) {
            reused.add(debugToPaused());
            finishActivation();
            System.out.printf(Locale.ROOT, "debug to paused, session on %d/%d: %.1f ms%n", i + 1, runs,
                    reused.get(reused.size() - 1));
        }

        debugToPaused();
        List<Double> stepTimes = new ArrayList<>();
        for (int i = 0; i < warmup + steps; i++) {
            double ms = step();
            if (i >= warmup) {
                stepTimes.add(ms);
            }
        }
        stopSession();

        System.out.println();
        System.out.println("### Debugging in the window (" + screen + ", process backend)");
        System.out.println();
        System.out.println("| measure | runs | median | p90 | min | max |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        row("Debug to the breakpoint's line highlighted, new session (container started)", fresh);
        row("Debug to the breakpoint's line highlighted, session on", reused);
        row("step over to the new line highlighted", stepTimes);
    }

    /** Runs Debug and waits for the editor's gutter to show the breakpoint's line; the milliseconds between. */
    private double debugToPaused() throws Exception {
        CompletableFuture<Long> highlighted = new CompletableFuture<>();
        long[] start = new long[1];
        onFx(() -> {
            LineGutter gutter = document.editor().feature(LineGutter.class).orElseThrow();
            javafx.beans.value.ChangeListener<Number> watch = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                    if (now.intValue() == BREAKPOINT_LINE) {
                        highlighted.complete(System.nanoTime());
                        gutter.executionLineProperty().removeListener(this);
                    }
                }
            };
            gutter.executionLineProperty().addListener(watch);
            start[0] = System.nanoTime();
            workbench.commands().run(Command.DEBUG);
            return null;
        });
        long end = highlighted.get(WAIT_SECONDS, TimeUnit.SECONDS);
        return (end - start[0]) / 1e6;
    }

    /** Steps over and waits for a new pause with its line highlighted; the milliseconds between. */
    private double step() throws Exception {
        CompletableFuture<Long> highlighted = new CompletableFuture<>();
        long[] start = new long[1];
        onFx(() -> {
            LineGutter gutter = document.editor().feature(LineGutter.class).orElseThrow();
            PausedState before = context.pausedProperty().get();
            javafx.beans.value.ChangeListener<PausedState> watch = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends PausedState> obs, PausedState old,
                                    PausedState now) {
                    if (now != null && now != before) {
                        context.pausedProperty().removeListener(this);
                        int line = now.location().orElseThrow().line();
                        // the gutter follows the pause in a listener of its own: done when it shows the line
                        if (gutter.executionLineProperty().get() == line) {
                            highlighted.complete(System.nanoTime());
                        } else {
                            gutter.executionLineProperty().addListener((o, was, is) -> {
                                if (is.intValue() == line) {
                                    highlighted.complete(System.nanoTime());
                                }
                            });
                        }
                    }
                }
            };
            context.pausedProperty().addListener(watch);
            start[0] = System.nanoTime();
            workbench.commands().run(Command.STEP_OVER);
            return null;
        });
        long end = highlighted.get(WAIT_SECONDS, TimeUnit.SECONDS);
        return (end - start[0]) / 1e6;
    }

    private void stopSession() throws Exception {
        onFx(() -> {
            workbench.commands().run(Command.STOP_DEBUG);
            return null;
        });
        waitFor(() -> onFx(() -> context.stateProperty().get() == DebugState.ENDED
                && !workbench.invokePanel().runningProperty().get()));
    }

    /** Lets the paused activation finish (the breakpoint off meanwhile) and waits for its result. */
    private void finishActivation() throws Exception {
        onFx(() -> {
            context.breakpoints().setEnabled(file, BREAKPOINT_LINE, false);
            workbench.commands().run(Command.CONTINUE);
            return null;
        });
        waitFor(() -> onFx(() -> !workbench.invokePanel().runningProperty().get()));
        onFx(() -> {
            context.breakpoints().setEnabled(file, BREAKPOINT_LINE, true);
            return null;
        });
        // the enabled breakpoint reaches the process before the next Debug
        waitFor(() -> onFx(() -> context.breakpointStatuses().stream().anyMatch(b -> b.breakpoint().line()
                == BREAKPOINT_LINE && b.state() == dev.whiskstudio.app.debug.BreakpointStatus.State.BOUND)));
    }

    private static void row(String name, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", name, sorted.size(),
                BenchFx.percentile(sorted, 50), BenchFx.percentile(sorted, 90), sorted.get(0), sorted.get(sorted.size() - 1));
    }


    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + WAIT_SECONDS + " s");
            }
            Thread.sleep(20);
        }
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        return BenchFx.onFx(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, WAIT_SECONDS);
    }
}
