package dev.whiskstudio.app.activations;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The older activations of a namespace, a page at a time from the newest. Pages are taken by position ({@code skip}):
 * activations recorded meanwhile push the older ones down, so a page may repeat rows of the one before (the log drops
 * them by id) but never skips one. Thread-safe; {@link #nextPage()} blocks, the rest never does.
 */
public final class ActivationHistory {
    private final ActivationReader reader;
    private final InsightSource insight;
    /** Held while a page is read, so pages follow each other; the state below is readable without it. */
    private final Object reading = new Object();
    private volatile int walked;
    private volatile boolean exhausted;

    public ActivationHistory(ActivationReader reader, InsightSource insight) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.insight = Objects.requireNonNull(insight, "insight");
    }

    /** The next page of older rows (empty once there are no more), with the target's insight. */
    public List<ActivationRow> nextPage() throws IOException {
        synchronized (reading) {
            if (exhausted) {
                return List.of();
            }
            int pageSize = reader.pageSize();
            List<ActivationRow> rows = reader.rows(walked, 0);
            walked += rows.size();
            // the reader may have learnt a smaller page from this very request
            if (rows.size() < Math.min(pageSize, reader.pageSize())) {
                exhausted = true;
            }
            return insight.enrich(reader.namespace(), rows);
        }
    }

    /** Whether the last page has been read; never waits for a page being read. */
    public boolean exhausted() {
        return exhausted;
    }

    /** How many entries the pages so far held. */
    public int walked() {
        return walked;
    }
}
