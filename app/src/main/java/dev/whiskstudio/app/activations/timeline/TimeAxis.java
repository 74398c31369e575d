package dev.whiskstudio.app.activations.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The ticks of the time axis: a round step (1, 2, 5 ms ... 1 s, 15 s, 1 min ... 1 day) wide enough for its labels at
 * the current zoom, ticks on multiples of it in local time, and labels as precise as the step needs
 * ({@code 14:03}, {@code 14:03:05}, {@code 14:03:05.25}).
 */
final class TimeAxis {
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long[] STEPS = {
            1, 2, 5, 10, 20, 50, 100, 200, 500,
            SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
            MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
            HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY,
    };
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TENTHS = DateTimeFormatter.ofPattern("HH:mm:ss.S", Locale.ROOT);
    private static final DateTimeFormatter HUNDREDTHS = DateTimeFormatter.ofPattern("HH:mm:ss.SS", Locale.ROOT);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private TimeAxis() {
    }

    /** The smallest round step at least {@code minPixels} wide at {@code msPerPixel}. */
    static long step(double msPerPixel, double minPixels) {
        for (long step : STEPS) {
            if (step / msPerPixel >= minPixels) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** The first tick at or after {@code millis}: a multiple of {@code step} in the zone's local time. */
    static long firstTick(double millis, long step, ZoneId zone) {
        long offset = offsetMillis((long) millis, zone);
        long local = (long) Math.floor(millis) + offset;
        long tick = Math.floorDiv(local, step) * step;
        if (tick < local) {
            tick += step;
        }
        return tick - offset;
    }

    static String label(long millis, long step, ZoneId zone) {
        return formatter(step).format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    /** A label as wide as any the step gives, to measure how much room the ticks need. */
    static String widestLabel(long step) {
        return formatter(step).format(Instant.ofEpochSecond(0).atZone(ZoneOffset.UTC).withHour(23).withMinute(59)
                .withSecond(58).withNano(888_000_000));
    }

    private static DateTimeFormatter formatter(long step) {
        if (step >= DAY) {
            return DAYS;
        } else if (step >= MINUTE) {
            return MINUTES;
        } else if (step >= SECOND) {
            return SECONDS;
        } else if (step >= 100) {
            return TENTHS;
        } else if (step >= 10) {
            return HUNDREDTHS;
        }
        return MILLIS;
    }

    private static long offsetMillis(long millis, ZoneId zone) {
        return zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
    }
}
