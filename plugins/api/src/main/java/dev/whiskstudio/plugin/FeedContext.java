package dev.whiskstudio.plugin;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * What a feed may use: fire its trigger, read the time, and run something at a time. Time comes from the simulator
 * so tests can drive it: use {@link #clock()} and {@link #schedule}, never the system clock or your own threads.
 */
public interface FeedContext {

    /** Fires the trigger (fully qualified, {@code /ns/name}) with a payload, as {@code POST /triggers/NAME} would. */
    void fire(String triggerName, Map<String, Object> payload);

    /** The simulator's clock. */
    Clock clock();

    /** Runs {@code task} once {@link #clock()} reaches {@code at} (at once if it already has). */
    Scheduled schedule(Instant at, Runnable task);

    /** A task waiting for its time. */
    interface Scheduled {
        /** It will not run (if it has not yet). */
        void cancel();
    }
}
