package dev.whiskstudio.sim.invoker;

import dev.whiskstudio.sim.entity.ActivationRecord;

import java.util.concurrent.CompletableFuture;

/**
 * Takes some activations away from the pool (a debug session takes every activation of its action). The invoker asks
 * it about each activation it is given; it must answer at once and never block.
 */
public interface ActivationRouter {

    /**
     * Runs an activation elsewhere and returns its record's future (which must complete, never exceptionally), or
     * returns null to leave it to the pool.
     */
    CompletableFuture<ActivationRecord> route(ActivationJob job);
}
