package dev.whiskstudio.app.debug;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session's calls to its {@link DebugBackend}, on one background thread of their own, in order: start, the paused
 * state (only the latest one is sent when several are waiting, and only when it changed), stop. Because stop queues
 * behind start, a target whose start finished after the session gave up waiting is still stopped.
 */
final class BackendLink {
    private static final System.Logger LOG = System.getLogger(BackendLink.class.getName());

    private final DebugBackend backend;
    private final ExecutorService thread;
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private volatile boolean wantPaused;
    private volatile DebugTarget target;
    private volatile boolean stopped;
    /** What the backend was last told; the program starts running. Backend thread only. */
    private boolean sentPaused;

    BackendLink(DebugBackend backend, String name) {
        this.backend = backend;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the target; fails with the backend's error, or a timeout after {@code bound}. */
    CompletableFuture<DebugTarget> start(Duration bound) {
        CompletableFuture<DebugTarget> started = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                DebugTarget t = backend.start();
                target = t;
                started.complete(t);
            } catch (Exception | LinkageError e) {
                started.completeExceptionally(e);
            }
        });
        return started.orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(e -> {
            if (e instanceof TimeoutException) {
                long ms = bound.toMillis();
                return CompletableFuture.failedFuture(new DebugException("The debug target did not start within "
                        + (ms % 1000 == 0 ? ms / 1000 + " s." : ms + " ms.")));
            }
            return CompletableFuture.failedFuture(e);
        });
    }

    DebugTarget target() {
        return target;
    }

    /** Tells the backend the program is paused or running, soon, without waiting. */
    void paused(boolean paused) {
        wantPaused = paused;
        if (flushQueued.compareAndSet(false, true)) {
            thread.execute(this::flush);
        }
    }

    private void flush() {
        flushQueued.set(false);
        boolean want = wantPaused;
        DebugTarget t = target;
        if (stopped || t == null || want == sentPaused) {
            return;
        }
        try {
            backend.setPaused(t, want);
            sentPaused = want;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "telling the debug backend paused=" + want + " failed", e);
        }
    }

    /**
     * Stops the target (if it started) and then the link's thread; the future completes when the backend has
     * answered or after {@code bound}, whichever is first, and never fails.
     */
    CompletableFuture<Void> stop(Duration bound) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        thread.execute(() -> {
            stopped = true;
            DebugTarget t = target;
            try {
                if (t != null) {
                    backend.stop(t);
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "stopping the debug target " + t.id() + " failed", e);
            } finally {
                done.complete(null);
            }
        });
        thread.shutdown();
        return done.completeOnTimeout(null, bound.toMillis(), TimeUnit.MILLISECONDS);
    }
}
