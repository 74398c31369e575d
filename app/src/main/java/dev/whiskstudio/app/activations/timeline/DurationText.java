package dev.whiskstudio.app.activations.timeline;

import java.util.Locale;

/** Durations for people: {@code 0 ms}, {@code 850 ms}, {@code 1.25 s}, {@code 2 min 5 s}, {@code 1 h 3 min}. */
final class DurationText {
    private DurationText() {
    }

    static String of(long millis) {
        if (millis < 0) {
            return "–";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000d);
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000d);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
