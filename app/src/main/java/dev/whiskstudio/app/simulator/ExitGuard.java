package dev.whiskstudio.app.simulator;

import dev.whiskstudio.sim.Simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops an embedded simulator when the JVM is ended without the window closing (SIGTERM, Ctrl+C in a terminal, the
 * launch benchmark): its containers are child processes, and a JVM that exits without stopping it would leave them
 * running. A simulator stopped the normal way is released first, so it is not stopped twice.
 */
public final class ExitGuard {
    private static final Map<Simulator, Thread> HOOKS = new ConcurrentHashMap<>();

    private ExitGuard() {
    }

    /** Stops {@code sim} on the JVM's exit unless it is {@link #release released} before. */
    public static void watch(Simulator sim) {
        Thread hook = new Thread(() -> {
            if (HOOKS.remove(sim) != null) {
                try {
                    sim.close();
                } catch (RuntimeException e) {
                    // the JVM is exiting: nothing is left to tell
                }
            }
        }, "simulator-exit-guard");
        HOOKS.put(sim, hook);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The simulator is being stopped by its owner: the JVM's exit need not. */
    public static void release(Simulator sim) {
        Thread hook = HOOKS.remove(sim);
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // the hook is running or about to: it finds the simulator released and does nothing
            }
        }
    }
}
