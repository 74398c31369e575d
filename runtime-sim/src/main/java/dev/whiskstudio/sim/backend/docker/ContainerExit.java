package dev.whiskstudio.sim.backend.docker;

/**
 * How a Docker container ended.
 *
 * @param exitCode  the main process's exit code, -1 when the engine no longer knew the container
 * @param oomKilled whether the kernel killed it for exceeding its memory limit
 * @param destroyed whether it ended because {@link DockerContainer#destroy()} removed it while it ran
 */
public record ContainerExit(int exitCode, boolean oomKilled, boolean destroyed) {
}
