package dev.whiskstudio.app.activations;

import java.time.Duration;
import java.util.Objects;

/**
 * Which start times the list shows: the last 5 minutes, hour or day before now, all, or a custom span.
 *
 * @param span the kind of range
 * @param from for {@link Span#CUSTOM}: the earliest start (epoch ms, inclusive), 0 for no bound
 * @param to   for {@link Span#CUSTOM}: the latest start (epoch ms, inclusive), 0 for no bound
 */
public record TimeRange(Span span, long from, long to) {
    public static final TimeRange ALL = new TimeRange(Span.ALL, 0, 0);

    public enum Span {
        LAST_5_MINUTES("Last 5 minutes", Duration.ofMinutes(5)),
        LAST_HOUR("Last hour", Duration.ofHours(1)),
        LAST_24_HOURS("Last 24 hours", Duration.ofHours(24)),
        ALL("All time", null),
        CUSTOM("Custom…", null);

        private final String title;
        private final Duration back;

        Span(String title, Duration back) {
            this.title = title;
            this.back = back;
        }

        public String title() {
            return title;
        }

        /** How far back from now a relative span reaches; null for all and custom. */
        public Duration back() {
            return back;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    public TimeRange {
        Objects.requireNonNull(span, "span");
        if (span != Span.CUSTOM) {
            from = 0;
            to = 0;
        } else if (from > 0 && to > 0 && to < from) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
    }

    public static TimeRange last(Span span) {
        return new TimeRange(span, 0, 0);
    }

    public static TimeRange custom(long from, long to) {
        return new TimeRange(Span.CUSTOM, from, to);
    }

    /** Whether the range moves with the clock (the list is filtered again as time passes). */
    public boolean relative() {
        return span.back() != null;
    }

    /** The earliest start shown at {@code now}; {@link Long#MIN_VALUE} for no bound. */
    long lowest(long now) {
        if (span.back() != null) {
            return now - span.back().toMillis();
        }
        return span == Span.CUSTOM && from > 0 ? from : Long.MIN_VALUE;
    }

    /** The latest start shown; {@link Long#MAX_VALUE} for no bound. */
    long highest() {
        return span == Span.CUSTOM && to > 0 ? to : Long.MAX_VALUE;
    }
}
