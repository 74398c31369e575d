package dev.whiskstudio.app.bench;

import atlantafx.base.theme.PrimerLight;
import dev.whiskstudio.app.editor.CodeEditor;
import dev.whiskstudio.app.editor.EditorArea;
import dev.whiskstudio.app.editor.highlight.JavaScriptHighlighter;
import dev.whiskstudio.app.editor.recovery.RecoveryStore;
import dev.whiskstudio.app.editor.tabs.CloseChoice;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import dev.whiskstudio.app.editor.tabs.EditorSettings;
import dev.whiskstudio.app.editor.tabs.EditorTabs;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Keystroke-to-screen time in a 10,000-line JavaScript file, and the time to open it.
 *
 * <p>The file is opened in the real {@link EditorTabs} in a real window; opening is timed from the call to the end of
 * the first pulse whose layout shows the file with its highlighting. Then each keystroke is a real {@code KEY_TYPED}
 * event fired into the code area on the FX thread, at positions spread through the file (the caret is moved there,
 * and a pulse passes, before the clock starts), and is timed from the event to the end of the layout of the first
 * pulse that shows the edit with its highlighting applied: a {@link Scene#addPostLayoutPulseListener post-layout
 * pulse listener} checks that the highlighter's applied revision covers the edit. The frame is then handed to the
 * renderer, which this does not time.
 *
 * <p>Headless (Monocle, software rendering) unless {@code DISPLAY} is set, then on that display. Properties:
 * {@code bench.editor.lines} (10000), {@code bench.editor.keystrokes} (500), {@code bench.editor.warmup} (200),
 * {@code bench.only} ({@code editor} or {@code all} runs this one).
 */
public final class EditorBenchmark {
    private static final long TIMEOUT_SECONDS = 60;

    private final int lines;
    private final int keystrokes;
    private final int warmup;
    private Stage stage;
    private EditorTabs tabs;
    private EditorDocument document;
    private JavaScriptHighlighter highlighter;
    /** The measurement waiting for a pulse; FX thread only. */
    private Probe probe;

    private EditorBenchmark(int lines, int keystrokes, int warmup) {
        this.lines = lines;
        this.keystrokes = keystrokes;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws Exception {
        if (!BenchFx.chosen("editor benchmark", "editor")) {
            return;
        }
        String screen = BenchFx.screen();
        EditorBenchmark benchmark = new EditorBenchmark(Integer.getInteger("bench.editor.lines", 10_000),
                Integer.getInteger("bench.editor.keystrokes", 500), Integer.getInteger("bench.editor.warmup", 200));
        Path folder = Files.createTempDirectory("editor-bench");
        try {
            benchmark.run(folder, screen);
        } finally {
            Platform.exit();
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(EditorBenchmark::deleteQuietly);
            }
        }
    }

    private void run(Path folder, String screen) throws Exception {
        Path file = folder.resolve("big.js");
        Files.writeString(file, generate(lines));
        long bytes = Files.size(file);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            EditorSettings settings = EditorSettings.defaults()
                    .withRecovery(new RecoveryStore(folder.resolve("recovery")))
                    .withRecoveryInterval(Duration.ofSeconds(3))
                    .withSavePrompt(d -> CloseChoice.DISCARD);
            tabs = new EditorTabs(settings);
            stage = new Stage();
            Scene scene = new Scene(tabs, 1200, 800);
            scene.addPostLayoutPulseListener(this::pulse);
            stage.setScene(scene);
            stage.show();
            return null;
        });

        // ---- open (cold: the first file this JVM opens) ----
        Opening cold = open(file);

        // ---- keystrokes ----
        Random random = new Random(42);
        long lexedBefore = 0;
        List<Double> latencies = new ArrayList<>();
        List<Double> firstPulse = new ArrayList<>();
        for (int i = 0; i < warmup + keystrokes; i++) {
            if (i == warmup) {
                lexedBefore = onFx(highlighter::linesLexed);
            }
            int line = (int) ((long) (i % keystrokes) * (lines - 1) / keystrokes) + random.nextInt(Math.max(1, lines / keystrokes));
            moveCaret(Math.min(line, lines - 1));
            // start at a random point of the 60 Hz pulse cycle, as a typist would
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(16_000)));
            Result result = keystroke();
            if (i >= warmup) {
                latencies.add(result.highlighted());
                firstPulse.add(result.firstPulse());
            }
        }
        double lexedPerKeystroke = (onFx(highlighter::linesLexed) - lexedBefore) / (double) keystrokes;

        // ---- open again (warm), after closing the edited tab without saving ----
        onFx(() -> tabs.close(document)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Opening warm = open(file);

        System.out.println();
        System.out.println("## Editor: keystroke to screen in a " + String.format(Locale.ROOT, "%,d", lines)
                + "-line JavaScript file");
        System.out.println();
        System.out.println("Screen: " + screen + "; file " + String.format(Locale.ROOT, "%,d", bytes) + " bytes; "
                + keystrokes + " measured keystrokes after " + warmup + " warm-up ones; Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs.");
        System.out.println();
        System.out.println("| measure | median | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|");
        System.out.println(row("keystroke → pulse showing the edit highlighted (ms)", latencies));
        System.out.println(row("keystroke → first pulse showing the edit (ms)", firstPulse));
        System.out.println();
        System.out.println("| open | first in this JVM (ms) | again, warm (ms) |");
        System.out.println("|---|---|---|");
        System.out.println(String.format(Locale.ROOT, "| read the file (I/O thread) and show its tab | %.1f | %.1f |",
                cold.loadMillis(), warm.loadMillis()));
        System.out.println(String.format(Locale.ROOT, "| open → first pulse with the whole file highlighted | %.1f | %.1f |",
                cold.openMillis(), warm.openMillis()));
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "Lines lexed per keystroke (average): %.2f", lexedPerKeystroke));
        double median = percentile(latencies, 50);
        System.out.println("Target: median under 16 ms: " + (median < 16 ? "met" : "NOT met")
                + String.format(Locale.ROOT, " (%.2f ms)", median));

        onFx(() -> {
            tabs.dispose();
            stage.close();
            return null;
        });
    }

    private record Opening(double loadMillis, double openMillis) {
    }

    /** Opens the file in a tab, timed to its tab (read and shown) and to the first pulse with it all highlighted. */
    private Opening open(Path file) throws Exception {
        long openStart = System.nanoTime();
        CompletableFuture<Long> loaded = new CompletableFuture<>();
        CompletableFuture<Long> opened = new CompletableFuture<>();
        onFx(() -> {
            tabs.open(file).thenAccept(doc -> {
                loaded.complete(System.nanoTime());
                document = doc;
                highlighter = doc.editor().highlighter().orElseThrow();
                probe = new Probe(openStart, highlighter.revision(), opened);
            });
            return null;
        });
        long loadedAt = loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long openedAt = opened.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new Opening((loadedAt - openStart) / 1e6, (openedAt - openStart) / 1e6);
    }

    private void moveCaret(int line) throws Exception {
        CompletableFuture<Long> settled = new CompletableFuture<>();
        onFx(() -> {
            CodeEditor editor = document.editor();
            editor.moveCaretTo(line + 1, 5);
            // let the scroll and caret move reach the screen before the clock starts
            probe = new Probe(System.nanoTime(), highlighter.revision(), settled);
            editor.area().requestLayout();
            return null;
        });
        settled.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private record Result(double highlighted, double firstPulse) {
    }

    private Result keystroke() throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        long[] start = new long[1];
        Probe[] current = new Probe[1];
        onFx(() -> {
            EditorArea area = document.editor().area();
            long before = highlighter.revision();
            start[0] = System.nanoTime();
            Event.fireEvent(area, new KeyEvent(KeyEvent.KEY_TYPED, "x", "", KeyCode.UNDEFINED,
                    false, false, false, false));
            if (highlighter.revision() != before + 1) {
                throw new IllegalStateException("the key event did not edit the text");
            }
            probe = new Probe(start[0], highlighter.revision(), shown);
            current[0] = probe;
            return null;
        });
        long end = shown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new Result((end - start[0]) / 1e6, (current[0].firstPulseAt - start[0]) / 1e6);
    }

    /** A measurement open until a pulse shows {@code revision} highlighted. */
    private static final class Probe {
        final long start;
        final long revision;
        final CompletableFuture<Long> done;
        long firstPulseAt;

        Probe(long start, long revision, CompletableFuture<Long> done) {
            this.start = start;
            this.revision = revision;
            this.done = done;
        }
    }

    /** After the layout of every pulse: closes the probe once the highlighting of its revision is applied. */
    private void pulse() {
        Probe open = probe;
        if (open == null) {
            return;
        }
        long now = System.nanoTime();
        if (open.firstPulseAt == 0) {
            open.firstPulseAt = now;
        }
        if (highlighter.appliedRevision() >= open.revision) {
            probe = null;
            open.done.complete(now);
        } else {
            // nothing else may be dirty: ask for the next pulse so it is not skipped
            Platform.requestNextPulse();
        }
    }

    private static String row(String name, List<Double> values) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |", name, percentile(values, 50),
                percentile(values, 90), percentile(values, 99), percentile(values, 100));
    }

    private static double percentile(List<Double> values, double p) {
        return BenchFx.percentile(values, p);
    }

    private static <T> T onFx(Supplier<T> call) throws Exception {
        return BenchFx.onFx(call, TIMEOUT_SECONDS);
    }

    /** Plausible action code: functions, objects, strings, template literals, comments, regular expressions. */
    static String generate(int lineCount) {
        String[] block = {
                "/**",
                " * Handles one request of the action.",
                " */",
                "async function handle%d(params) {",
                "  const name = params.name || 'world'; // default",
                "  const pattern = /^[a-z]+(\\d{2,})?$/i;",
                "  if (!pattern.test(name)) {",
                "    return { statusCode: 400, body: { error: `bad name: ${name}` } };",
                "  }",
                "  const total = [1, 2, 3].map((x) => x * %d).reduce((a, b) => a + b, 0) / 2;",
                "  /* block comment",
                "     on two lines */",
                "  return { statusCode: 200, body: { greeting: \"Hello, \" + name, total } };",
                "}",
                "",
        };
        StringBuilder text = new StringBuilder();
        int line = 0;
        for (int n = 0; line < lineCount; n++) {
            for (String template : block) {
                if (line == lineCount) {
                    break;
                }
                text.append(template.contains("%d") ? template.replace("%d", Integer.toString(n)) : template).append('\n');
                line++;
            }
        }
        text.setLength(text.length() - 1);
        return text.toString();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.err.println("could not delete " + path + ": " + e.getMessage());
        }
    }
}
