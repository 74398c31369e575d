/**
 * Container backends: where an action's container runs. {@link dev.whiskstudio.sim.backend.ContainerBackend} is the
 * narrow interface the invoker uses; a child process per container and a Docker container per container implement it.
 */
package dev.whiskstudio.sim.backend;
