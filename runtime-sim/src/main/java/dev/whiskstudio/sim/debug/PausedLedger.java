package dev.whiskstudio.sim.debug;

import dev.whiskstudio.sim.invoker.ActivationJob;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The time debuggers held activations paused, per activation id: an activation's pauses are written under its own id
 * and under its cause's (the sequence or conductor whose component it is), since that caller waits for it too. The
 * oldest entries are forgotten past {@link #KEPT}; a wait asks within a minute of the pause, long before that.
 */
final class PausedLedger {
    static final int KEPT = 10_000;

    private static final class Entry {
        long totalNanos;
        int open;
        long openSinceNanos;
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > KEPT;
        }
    };

    /** The debugger holds the activation paused from now. */
    synchronized void paused(ActivationJob job) {
        long now = System.nanoTime();
        for (String id : idsOf(job)) {
            Entry e = entries.computeIfAbsent(id, k -> new Entry());
            if (e.open++ == 0) {
                e.openSinceNanos = now;
            }
        }
    }

    /** The debugger let the activation go on (or it ended). */
    synchronized void resumed(ActivationJob job) {
        long now = System.nanoTime();
        for (String id : idsOf(job)) {
            Entry e = entries.get(id);
            if (e != null && e.open > 0 && --e.open == 0) {
                e.totalNanos += now - e.openSinceNanos;
            }
        }
    }

    synchronized long pausedMillis(String activationId) {
        Entry e = entries.get(activationId);
        if (e == null) {
            return 0;
        }
        long nanos = e.totalNanos + (e.open > 0 ? System.nanoTime() - e.openSinceNanos : 0);
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    synchronized boolean isPaused(String activationId) {
        Entry e = entries.get(activationId);
        return e != null && e.open > 0;
    }

    private static String[] idsOf(ActivationJob job) {
        return job.cause() == null ? new String[]{job.activationId()} : new String[]{job.activationId(), job.cause()};
    }
}
