package dev.whiskstudio.app.activations;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Sorting rows by one column through primitive keys: each row's value becomes a number (strings by their rank among
 * the distinct values), packed with the row's position into one {@code long}, and the longs are sorted. Equal values
 * keep their order (the position is the tie-breaker), as a stable sort would; no comparator runs and no row is
 * touched during the sort, which makes 100,000 rows several times faster than {@code Arrays.sort} with a comparator.
 */
final class KeySort {
    private static final int INDEX_BITS = 21;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** Values must fit in 41 bits (epoch ms do until 2039); -1 is the smallest. */
    private static final long MAX_VALUE = (1L << 41) - 2;

    private KeySort() {
    }

    /** Sorted rows, or null when this column or this many rows needs the comparator. */
    static ActivationRow[] sort(ActivationRow[] rows, ActivationColumn column, boolean ascending) {
        if (rows.length > INDEX_MASK || column == ActivationColumn.ID) {
            return null;
        }
        ToLongFunction<ActivationRow> value = switch (column) {
            case START -> ActivationRow::start;
            case DURATION -> ActivationRow::duration;
            case WAIT -> ActivationRow::waitTime;
            case INIT -> ActivationRow::initTime;
            case MEMORY -> r -> r.memory();
            case STATUS -> r -> r.status().ordinal();
            case START_KIND -> r -> r.startKind().ordinal();
            case NAME -> rank(rows, ActivationRow::path);
            case KIND -> rank(rows, ActivationRow::kind);
            case ID -> throw new IllegalStateException("ids sort by comparator");
        };
        long[] keys = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            long v = value.applyAsLong(rows[i]);
            if (v < -1 || v > MAX_VALUE) {
                return null;
            }
            long k = ascending ? v + 1 : MAX_VALUE - v;
            keys[i] = (k << INDEX_BITS) | i;
        }
        Arrays.sort(keys);
        ActivationRow[] sorted = new ActivationRow[rows.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = rows[(int) (keys[i] & INDEX_MASK)];
        }
        return sorted;
    }

    /** A string's rank among the distinct strings of the rows, in their natural order. */
    private static ToLongFunction<ActivationRow> rank(ActivationRow[] rows,
                                                      Function<ActivationRow, String> text) {
        Map<String, Long> ranks = new HashMap<>();
        for (ActivationRow r : rows) {
            ranks.putIfAbsent(text.apply(r), 0L);
        }
        long next = 0;
        for (String s : new TreeSet<>(ranks.keySet())) {
            ranks.put(s, next++);
        }
        return r -> ranks.get(text.apply(r));
    }
}
