package dev.whiskstudio.app.activations;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Sorting by primitive keys gives exactly what a stable sort with the column's comparator gives. */
class KeySortTest {

    @Test
    void everyColumnBothWaysMatchesTheStableComparatorSort() {
        Random random = new Random(3);
        List<ActivationRow> rows = new ArrayList<>();
        String[] paths = {"b", "a/x", "a/y", "zeta", "a"};
        for (int i = 0; i < 3_000; i++) {
            // few distinct values, so ties are common and their order is checked
            Long init = random.nextInt(3) == 0 ? (long) random.nextInt(5) : null;
            ActivationRow row = Rows.row(i, paths[random.nextInt(paths.length)], 1_700_000_000_000L + random.nextInt(50),
                    random.nextInt(4), init);
            if (random.nextInt(5) == 0) {
                row = row.withInsight(new RowInsight(row.activationId(), "c", StartKind.PREWARM, -1, -1));
            }
            rows.add(row);
        }
        ActivationLog log = new ActivationLog();
        log.add(rows);
        ActivationRow[] inLogOrder = Arrays.stream(log.snapshot().entries()).map(LogEntry::row).toArray(ActivationRow[]::new);
        for (ActivationColumn column : ActivationColumn.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                ActivationRow[] byComparator = inLogOrder.clone();
                Arrays.sort(byComparator, ActivationSort.by(column, ascending).comparator());
                ActivationRow[] byKey = KeySort.sort(inLogOrder, column, ascending);
                if (column == ActivationColumn.ID) {
                    assertNull(byKey, "ids sort by comparator");
                } else {
                    assertArrayEquals(byComparator, byKey, column + (ascending ? " ascending" : " descending"));
                }
            }
        }
    }
}
