package dev.whiskstudio.app.activations;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PollingFeed} polls. Each poll asks for everything that started since the newest start seen minus
 * {@code overlap} (the platform's {@code since} is inclusive, and a record is stored when its activation ends, so one
 * that ran long lands with an older start than records already seen); every {@code sweepEvery}-th poll looks back
 * {@code sweepOverlap} instead, to catch activations that ran for minutes. Repeats are dropped by id.
 *
 * @param interval        between the end of one poll and the start of the next
 * @param overlap         how far before the newest start seen an ordinary poll looks
 * @param sweepEvery      every how many polls a sweep looks back further (1: every poll is a sweep)
 * @param sweepOverlap    how far a sweep looks back (the platform's longest action time limit is 5 minutes)
 * @param maxPagesPerPoll pages one poll fetches at most; more means a flood, of which the newest are shown
 * @param maxBackoff      the longest wait between polls after failures (the wait doubles from {@code interval})
 */
public record PollingSettings(Duration interval, Duration overlap, int sweepEvery, Duration sweepOverlap,
                              int maxPagesPerPoll, Duration maxBackoff) {

    public PollingSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(sweepOverlap, "sweepOverlap");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the polling interval must be positive");
        }
        if (sweepEvery < 1 || maxPagesPerPoll < 1) {
            throw new IllegalArgumentException("sweepEvery and maxPagesPerPoll are at least 1");
        }
        if (sweepOverlap.compareTo(overlap) < 0) {
            throw new IllegalArgumentException("a sweep looks back at least as far as an ordinary poll");
        }
    }

    /** Every 1.5 s, 15 s of overlap, a 6-minute sweep every 10th poll (15 s), backing off up to 30 s. */
    public static PollingSettings defaults() {
        return new PollingSettings(Duration.ofMillis(1500), Duration.ofSeconds(15), 10, Duration.ofMinutes(6), 25,
                Duration.ofSeconds(30));
    }

    public PollingSettings withInterval(Duration value) {
        return new PollingSettings(value, overlap, sweepEvery, sweepOverlap, maxPagesPerPoll, maxBackoff);
    }

    public PollingSettings withOverlap(Duration value, int everyNth, Duration sweep) {
        return new PollingSettings(interval, value, everyNth, sweep, maxPagesPerPoll, maxBackoff);
    }

    public PollingSettings withMaxPagesPerPoll(int value) {
        return new PollingSettings(interval, overlap, sweepEvery, sweepOverlap, value, maxBackoff);
    }

    public PollingSettings withMaxBackoff(Duration value) {
        return new PollingSettings(interval, overlap, sweepEvery, sweepOverlap, maxPagesPerPoll, value);
    }

    /** The wait after {@code failures} failures in a row: the interval doubled per failure, at most maxBackoff. */
    public Duration delayAfter(int failures) {
        if (failures <= 0) {
            return interval;
        }
        long millis = interval.toMillis();
        for (int i = 0; i < failures && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, Math.max(interval.toMillis(), maxBackoff.toMillis())));
    }
}
