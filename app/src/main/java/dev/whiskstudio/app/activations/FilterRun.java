package dev.whiskstudio.app.activations;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Applies a filter and an order to a snapshot of the log: a single pass over the entries (each test reads fields
 * computed when the row was added), then a sort only when the order is not the log's own. Pure and fast enough to
 * run on every change; the view runs it off the FX thread.
 */
public final class FilterRun {
    private FilterRun() {
    }

    /**
     * What a run produced.
     *
     * @param rows        the rows to show, in order
     * @param total       how many rows the log held
     * @param docsPending rows whose whole record is still to be read for a text search in logs and results
     * @param version     the log's version the run saw
     * @param paths       the action paths and packages in the log
     */
    public record Result(List<ActivationRow> rows, int total, int docsPending, long version, List<String> paths) {
    }

    public static Result run(LogSnapshot snapshot, ActivationFilter.CompiledFilter filter, ActivationSort sort) {
        LogEntry[] entries = snapshot.entries();
        ActivationRow[] shown = new ActivationRow[entries.length];
        int count = 0;
        int pending = 0;
        boolean docs = filter.readsDocs();
        for (LogEntry entry : entries) {
            if (filter.test(entry)) {
                shown[count++] = entry.row();
            }
            if (docs && filter.waitsForDocs(entry)) {
                pending++;
            }
        }
        ActivationRow[] rows = Arrays.copyOf(shown, count);
        if (sort.isReverseLogOrder() && sort.keys().size() == 1) {
            Collections.reverse(Arrays.asList(rows));
        } else if (!sort.isLogOrder()) {
            ActivationRow[] byKey = sort.keys().size() == 1
                    ? KeySort.sort(rows, sort.keys().get(0).column(), sort.keys().get(0).ascending()) : null;
            if (byKey != null) {
                rows = byKey;
            } else {
                Arrays.sort(rows, sort.comparator());
            }
        }
        return new Result(Arrays.asList(rows), entries.length, pending, snapshot.version(), snapshot.paths());
    }
}
