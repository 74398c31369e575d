package dev.whiskstudio.app.activations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The polling bookkeeping of one subscription, free of I/O: which {@code since} the next poll asks for, and which of
 * the rows a poll got are new. Times are the target's (record start times), never the local clock, so a skewed
 * clock cannot open a gap. Ids are remembered as long as a sweep can still return them, and forgotten after.
 * Not thread-safe: one poller uses it.
 */
final class PollWindow {
    private final long overlapMs;
    private final long sweepOverlapMs;
    /** Newest start seen, or -1 before the first row. */
    private long newestStart;
    /** Ids delivered, with their start, while a sweep can still list them. */
    private final Map<String, Long> seen = new HashMap<>();

    /** @param resumeFrom the newest start the subscriber already has; 0 for none */
    PollWindow(long overlapMs, long sweepOverlapMs, long resumeFrom) {
        if (overlapMs < 0 || sweepOverlapMs < overlapMs) {
            throw new IllegalArgumentException("overlaps must be 0 <= overlap <= sweep overlap");
        }
        this.overlapMs = overlapMs;
        this.sweepOverlapMs = sweepOverlapMs;
        this.newestStart = resumeFrom > 0 ? resumeFrom : -1;
    }

    /** Whether a start is known to poll from; before that, a poll fetches only the newest page. */
    boolean anchored() {
        return newestStart >= 0;
    }

    long newestStart() {
        return newestStart;
    }

    /** The {@code since} of the next poll: at least 1, since the platform reads 0 as "no bound". */
    long since(boolean sweep) {
        if (!anchored()) {
            return 0;
        }
        return Math.max(1, newestStart - (sweep ? sweepOverlapMs : overlapMs));
    }

    /** The rows not delivered before (each once, in the order given); moves the window forward. */
    List<ActivationRow> accept(Collection<ActivationRow> rows) {
        if (rows.isEmpty() && !anchored()) {
            // the namespace had nothing: from now on everything listed is new
            newestStart = 0;
        }
        List<ActivationRow> fresh = new ArrayList<>();
        for (ActivationRow row : rows) {
            if (seen.putIfAbsent(row.activationId(), row.start()) == null) {
                fresh.add(row);
                newestStart = Math.max(newestStart, row.start());
            }
        }
        forgetOld();
        return fresh;
    }

    int remembered() {
        return seen.size();
    }

    /** A row that started before the furthest a sweep looks back can never be listed again. */
    private void forgetOld() {
        long oldestListable = newestStart - sweepOverlapMs;
        if (seen.size() < 64) {
            return;
        }
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < oldestListable) {
                it.remove();
            }
        }
    }
}
