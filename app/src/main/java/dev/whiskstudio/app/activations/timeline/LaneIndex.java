package dev.whiskstudio.app.activations.timeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bars of one lane, indexed by time so that the bars crossing a window are found in about the time it takes to
 * list them, whatever the lane holds.
 *
 * <p>Finished bars are kept in classes by length (class {@code k} holds bars shorter than {@code 2^k} ms), each
 * class sorted by its bars' left edge. A bar of class {@code k} that crosses {@code [from, to]} begins after
 * {@code from - 2^k}: one binary search per class finds the first candidate, and the few candidates that ended
 * before {@code from} are bounded by how many bars of that length can overlap (in a container's lane, one or two).
 * Running bars, whose end moves with the clock, are kept apart.
 */
final class LaneIndex {
    private static final int CLASSES = 64;

    final String key;
    String label;
    /** The earliest left edge ever added: lanes are ordered by it, and it never moves later, so the order is stable. */
    long firstSeen;
    /** Insertion order, breaking ties of {@link #firstSeen}. */
    final long sequence;

    private final SortedBars[] classes = new SortedBars[CLASSES];
    private final Map<String, TimelineBar> running = new LinkedHashMap<>();
    private int size;

    LaneIndex(String key, String label, long firstSeen, long sequence) {
        this.key = key;
        this.label = label;
        this.firstSeen = firstSeen;
        this.sequence = sequence;
    }

    int size() {
        return size;
    }

    int runningCount() {
        return running.size();
    }

    void add(TimelineBar bar) {
        firstSeen = Math.min(firstSeen, bar.queuedAt());
        size++;
        if (bar.running()) {
            running.put(bar.activationId(), bar);
            return;
        }
        int k = classOf(bar);
        if (classes[k] == null) {
            classes[k] = new SortedBars();
        }
        classes[k].insert(bar);
    }

    void remove(TimelineBar bar) {
        boolean removed;
        if (bar.running()) {
            removed = running.remove(bar.activationId()) != null;
        } else {
            SortedBars sorted = classes[classOf(bar)];
            removed = sorted != null && sorted.remove(bar);
        }
        if (!removed) {
            throw new IllegalStateException("bar " + bar.activationId() + " is not in lane " + key);
        }
        size--;
    }

    /** Calls {@code visitor} for every bar whose extent {@code [queuedAt, end or now]} meets {@code [from, to]}. */
    int visit(long from, long to, long now, Consumer<TimelineBar> visitor) {
        int looked = 0;
        for (int k = 0; k < CLASSES; k++) {
            SortedBars sorted = classes[k];
            if (sorted == null || sorted.size == 0) {
                continue;
            }
            long longest = k == 0 ? 0 : (1L << k) - 1;
            long earliest = from - longest;
            for (int i = sorted.firstAtOrAfter(earliest); i < sorted.size && sorted.lefts[i] <= to; i++) {
                looked++;
                TimelineBar bar = sorted.bars[i];
                if (bar.end() >= from) {
                    visitor.accept(bar);
                }
            }
        }
        for (TimelineBar bar : running.values()) {
            looked++;
            if (bar.queuedAt() <= to && bar.endOr(now) >= from) {
                visitor.accept(bar);
            }
        }
        return looked;
    }

    private static int classOf(TimelineBar bar) {
        long length = bar.end() - bar.queuedAt();
        return Math.min(CLASSES - 1, 64 - Long.numberOfLeadingZeros(length));
    }

    /** Finished bars of one length class, sorted by left edge, in parallel arrays (appending is the common case). */
    private static final class SortedBars {
        long[] lefts = new long[16];
        TimelineBar[] bars = new TimelineBar[16];
        int size;

        void insert(TimelineBar bar) {
            if (size == lefts.length) {
                lefts = Arrays.copyOf(lefts, size * 2);
                bars = Arrays.copyOf(bars, size * 2);
            }
            long left = bar.queuedAt();
            int at = size == 0 || lefts[size - 1] <= left ? size : firstAfter(left);
            if (at < size) {
                System.arraycopy(lefts, at, lefts, at + 1, size - at);
                System.arraycopy(bars, at, bars, at + 1, size - at);
            }
            lefts[at] = left;
            bars[at] = bar;
            size++;
        }

        boolean remove(TimelineBar bar) {
            for (int i = firstAtOrAfter(bar.queuedAt()); i < size && lefts[i] == bar.queuedAt(); i++) {
                if (bars[i].activationId().equals(bar.activationId())) {
                    System.arraycopy(lefts, i + 1, lefts, i, size - i - 1);
                    System.arraycopy(bars, i + 1, bars, i, size - i - 1);
                    size--;
                    bars[size] = null;
                    return true;
                }
            }
            return false;
        }

        /** The first index whose left edge is at or after {@code time}. */
        int firstAtOrAfter(long time) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (lefts[mid] < time) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The first index whose left edge is after {@code time}. */
        int firstAfter(long time) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (lefts[mid] <= time) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
