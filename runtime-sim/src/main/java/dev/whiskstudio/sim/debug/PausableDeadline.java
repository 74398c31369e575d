package dev.whiskstudio.sim.debug;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One activation's time limit, counting only the time it runs: {@link #pause()} stops the count and {@link #run()}
 * goes on with what is left. Runs its expiry once, unless cancelled first.
 */
final class PausableDeadline {
    private final ScheduledExecutorService timer;
    private final Runnable onExpired;
    private long leftNanos;
    private long runningSinceNanos;
    private ScheduledFuture<?> task;
    /** Changes at every pause, so an expiry scheduled before it does nothing. */
    private long generation;
    private boolean over;

    PausableDeadline(ScheduledExecutorService timer, long limitMs, Runnable onExpired) {
        this.timer = timer;
        this.onExpired = onExpired;
        this.leftNanos = TimeUnit.MILLISECONDS.toNanos(limitMs);
    }

    /** Starts or goes on counting. */
    synchronized void run() {
        if (over || task != null) {
            return;
        }
        runningSinceNanos = System.nanoTime();
        long scheduled = ++generation;
        task = timer.schedule(() -> expire(scheduled), Math.max(0, leftNanos), TimeUnit.NANOSECONDS);
    }

    /** Stops counting until {@link #run()}. */
    synchronized void pause() {
        if (task == null) {
            return;
        }
        generation++;
        task.cancel(false);
        task = null;
        leftNanos -= System.nanoTime() - runningSinceNanos;
    }

    /** The activation is over: the expiry will not run. */
    synchronized void cancel() {
        over = true;
        generation++;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void expire(long scheduled) {
        synchronized (this) {
            if (over || scheduled != generation) {
                return;
            }
            over = true;
            task = null;
        }
        onExpired.run();
    }
}
