package dev.whiskstudio.sim.invoker;

import java.util.List;

/**
 * The pool at one moment: capacity and use, waiting activations, and each container.
 *
 * @param queued activations waiting for room
 */
public record PoolSnapshot(int capacityMb, int usedMb, int queued, List<Entry> containers) {

    /**
     * @param state    starting, prewarmed, warm, paused
     * @param action   the action's document id, null for a stem cell
     * @param active   activations running in it
     * @param lastUsed epoch ms when an activation last took or gave it back (its start, for one never used)
     */
    public record Entry(String name, String kind, int memoryMb, String state, String action, String namespace,
                        int active, String containerId, long lastUsed) {
    }
}
