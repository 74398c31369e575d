package dev.whiskstudio.app.bench;

import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What the IDE's benchmarks share: a call on the FX thread with a bound, and percentiles. */
final class BenchFx {
    private BenchFx() {
    }

    /**
     * Whether this run is one of {@code names} as {@code bench.only} chooses (empty or {@code all}: every one);
     * says so when it is skipped.
     */
    static boolean chosen(String title, String... names) {
        String only = System.getProperty("bench.only", "all").trim();
        if (only.isEmpty() || only.equals("all") || java.util.Arrays.asList(names).contains(only)) {
            return true;
        }
        System.out.println(title + " skipped (bench.only=" + only + ")");
        return false;
    }

    /**
     * Headless Monocle with software rendering unless {@code DISPLAY} names a display; set before JavaFX starts.
     * Returns the screen as the results should name it.
     */
    static String screen() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            return "headless Monocle, software rendering";
        }
        return "display " + display;
    }

    /** Runs {@code call} on the FX thread and returns its value, waiting at most {@code timeoutSeconds}. */
    static <T> T onFx(Supplier<T> call, long timeoutSeconds) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** The p-th percentile (nearest rank) of the values, NaN for none. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
