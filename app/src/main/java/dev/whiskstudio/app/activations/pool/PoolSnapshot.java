package dev.whiskstudio.app.activations.pool;

import java.util.List;

/**
 * The simulator's container pool at one moment, as {@code /sim/v1/pool} (or its {@code pool} event) gives it.
 *
 * @param capacityMb the memory the pool may use
 * @param usedMb     the memory its containers hold
 * @param queued     activations waiting for room
 * @param containers every container
 */
public record PoolSnapshot(long capacityMb, long usedMb, int queued, List<PoolContainer> containers) {
    public static final PoolSnapshot EMPTY = new PoolSnapshot(0, 0, 0, List.of());

    public PoolSnapshot {
        containers = containers == null ? List.of() : List.copyOf(containers);
        queued = Math.max(0, queued);
    }
}
