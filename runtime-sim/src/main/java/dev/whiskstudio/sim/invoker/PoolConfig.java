package dev.whiskstudio.sim.invoker;

import java.time.Duration;
import java.util.List;

/**
 * The invoker's settings.
 *
 * @param memoryMb    the capacity: the sum of the containers' memory limits stays within it
 * @param prewarm     stem cells to keep started, per kind and memory
 * @param pauseGrace  idle time after which a container is paused
 * @param idleTimeout idle time after which a container is removed
 */
public record PoolConfig(int memoryMb, List<Prewarm> prewarm, Duration pauseGrace, Duration idleTimeout) {

    public PoolConfig {
        prewarm = List.copyOf(prewarm);
    }

    /** {@code count} started containers of {@code kind} with {@code memoryMb}. */
    public record Prewarm(String kind, int memoryMb, int count) {
    }

    public PoolConfig withMemoryMb(int value) {
        return new PoolConfig(value, prewarm, pauseGrace, idleTimeout);
    }

    public PoolConfig withPrewarm(List<Prewarm> value) {
        return new PoolConfig(memoryMb, value, pauseGrace, idleTimeout);
    }

    public PoolConfig withPauseGrace(Duration value) {
        return new PoolConfig(memoryMb, prewarm, value, idleTimeout);
    }

    public PoolConfig withIdleTimeout(Duration value) {
        return new PoolConfig(memoryMb, prewarm, pauseGrace, value);
    }
}
