package dev.whiskstudio.app.activations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the list and the details write a row's times and sizes. */
public final class RowText {
    public static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private RowText() {
    }

    /** {@code 12 ms}, {@code 1.25 s}, {@code 2 min 5 s}; a dash when unknown (negative). */
    public static String millis(long ms) {
        if (ms < 0) {
            return NONE;
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }

    /** A start in the local time zone: the time of day for today, with the date otherwise. */
    public static String start(long epochMs, ZoneId zone, LocalDate today) {
        if (epochMs <= 0) {
            return NONE;
        }
        ZonedDateTime at = Instant.ofEpochMilli(epochMs).atZone(zone);
        return at.toLocalDate().equals(today) ? TIME.format(at) : DATE_TIME.format(at);
    }

    /** With the date, always. */
    public static String startWithDate(long epochMs, ZoneId zone) {
        return epochMs <= 0 ? NONE : DATE_TIME.format(Instant.ofEpochMilli(epochMs).atZone(zone));
    }

    public static String memory(int mb) {
        return mb < 0 ? NONE : mb + " MB";
    }

    public static String kind(String kind) {
        return kind == null || kind.isEmpty() ? NONE : kind;
    }
}
