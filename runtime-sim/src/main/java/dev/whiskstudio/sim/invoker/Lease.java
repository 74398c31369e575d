package dev.whiskstudio.sim.invoker;

/** A container given to one activation, and how it was found. Returned to the pool with {@link ContainerPool#release}. */
record Lease(PooledContainer container, StartKind start, long waitedNanos) {
}
