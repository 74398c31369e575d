package dev.whiskstudio.app.simulator;

import dev.whiskstudio.sim.config.SimConfig;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulator start begun by the launcher before JavaFX starts, so the two overlap instead of following each other:
 * the window then finds its simulator already running or nearly so. The app takes it over if it was begun for the
 * app's own configuration; one nobody took is stopped when the launcher ends.
 */
public final class EarlyStart {
    private static final AtomicReference<EarlyStart> PENDING = new AtomicReference<>();

    private final SimConfig config;
    private final CompletableFuture<StartedSimulator> started = new CompletableFuture<>();

    private EarlyStart(SimConfig config) {
        this.config = config;
    }

    /** Starts the simulator on a thread of its own. */
    public static void begin(SimConfig config, SimulatorStarter starter) {
        EarlyStart early = new EarlyStart(config);
        if (!PENDING.compareAndSet(null, early)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                early.started.complete(starter.start(config));
            } catch (Exception | Error e) {
                early.started.completeExceptionally(e);
            }
        }, "simulator-early-start");
        t.setDaemon(true);
        t.start();
    }

    /** The start begun for this configuration, taken over by the caller (once), or null. */
    public static CompletableFuture<StartedSimulator> take(SimConfig config) {
        EarlyStart early = PENDING.get();
        if (early != null && early.config.equals(config) && PENDING.compareAndSet(early, null)) {
            return early.started;
        }
        return null;
    }

    /** Stops a simulator that was started early but never taken over (the window never came up). */
    public static void abandon() {
        EarlyStart early = PENDING.getAndSet(null);
        if (early != null) {
            early.started.thenAccept(s -> {
                ExitGuard.release(s.simulator());
                s.simulator().close();
            });
        }
    }
}
