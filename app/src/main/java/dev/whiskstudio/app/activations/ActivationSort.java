package dev.whiskstudio.app.activations;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The list's order: columns, each ascending or descending, the first deciding. Empty means the log's own order,
 * newest first.
 */
public record ActivationSort(List<Key> keys) {
    public static final ActivationSort NEWEST_FIRST = new ActivationSort(List.of());

    public record Key(ActivationColumn column, boolean ascending) {
        public Key {
            Objects.requireNonNull(column, "column");
        }
    }

    public ActivationSort {
        keys = List.copyOf(keys);
    }

    public static ActivationSort by(ActivationColumn column, boolean ascending) {
        return new ActivationSort(List.of(new Key(column, ascending)));
    }

    /** Whether the log's order (newest first) already is this order. */
    boolean isLogOrder() {
        return keys.isEmpty() || keys.get(0).equals(new Key(ActivationColumn.START, false));
    }

    /** Oldest first: the log's order reversed. */
    boolean isReverseLogOrder() {
        return keys.size() >= 1 && keys.get(0).equals(new Key(ActivationColumn.START, true));
    }

    /** The comparator; ties keep the log's order (the sort is stable). */
    Comparator<ActivationRow> comparator() {
        Comparator<ActivationRow> all = null;
        for (Key key : keys) {
            Comparator<ActivationRow> one = key.ascending() ? key.column().order() : key.column().order().reversed();
            all = all == null ? one : all.thenComparing(one);
        }
        return all;
    }
}
