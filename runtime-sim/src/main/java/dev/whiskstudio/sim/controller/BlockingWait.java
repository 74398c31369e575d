package dev.whiskstudio.sim.controller;

import dev.whiskstudio.sim.entity.ActivationRecord;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A caller's wait for an activation's record (a blocking invoke, a web action), bounded by time in which the
 * activation was not held paused by a debugger. The first window is an ordinary timeout; only when it runs out is
 * the paused time asked for, and the wait goes on for as much as was paused.
 */
final class BlockingWait {
    /** While the activation is held paused, how often to look again. */
    private static final long PAUSED_RECHECK_MS = 250;

    private final Invocation invocation;
    private final PausedTime paused;
    private final long waitMs;
    private final long startNanos = System.nanoTime();

    private BlockingWait(Invocation invocation, PausedTime paused, long waitMs) {
        this.invocation = invocation;
        this.paused = paused;
        this.waitMs = waitMs;
    }

    /** Completes with the record, or with null when the wait is over first. */
    static CompletableFuture<ActivationRecord> of(Invocation invocation, PausedTime paused, long waitMs) {
        return new BlockingWait(invocation, paused, waitMs).window(waitMs);
    }

    private CompletableFuture<ActivationRecord> window(long ms) {
        return invocation.done().thenApply(Optional::of)
                .completeOnTimeout(Optional.empty(), ms, TimeUnit.MILLISECONDS)
                .thenCompose(outcome -> outcome.isPresent() ? CompletableFuture.completedFuture(outcome.get()) : more());
    }

    /** The window ran out: waits on for the paused time not yet made up, or gives up. */
    private CompletableFuture<ActivationRecord> more() {
        String id = invocation.activationId();
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        long left = waitMs + paused.pausedMillis(id) - elapsed;
        if (paused.isPaused(id)) {
            left = Math.max(left, PAUSED_RECHECK_MS);
        }
        return left > 0 ? window(left) : CompletableFuture.completedFuture(null);
    }
}
