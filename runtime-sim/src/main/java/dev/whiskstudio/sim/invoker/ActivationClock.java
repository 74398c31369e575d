package dev.whiskstudio.sim.invoker;

/**
 * Keeps the time limit of an activation in a {@link DedicatedContainer}, where the invoker waits for {@code /run}
 * without a timeout of its own: a debug session's clock stops while the debugger holds the process paused.
 */
public interface ActivationClock {

    /**
     * The activation begins its {@code /run}: {@code onExpired} must be run (on any thread, once) when it has used
     * up {@code limitMs} of the time this clock counts, unless {@link #end} came first.
     */
    void begin(ActivationJob job, long limitMs, Runnable onExpired);

    /** The activation's {@code /run} is over (answered, failed, or expired). */
    void end(ActivationJob job);
}
