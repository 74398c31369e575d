package dev.whiskstudio.sim.invoker;

/** How an activation got its container. */
public enum StartKind {
    /** A container already initialised with this action. */
    WARM,
    /** A started, uninitialised container of the kind and memory ("stem cell"), initialised now. */
    PREWARM,
    /** A new container, started and initialised now. */
    COLD
}
