package dev.whiskstudio.sim.backend.docker;

/**
 * A runtime image present in the engine.
 *
 * @param reference   {@code repository:tag}, the tag being the start of the root file system's digest
 * @param programPath where the runtime's program (such as {@code node}) is inside the image
 * @param built       whether this call imported it (false: it was already there)
 */
public record RuntimeImage(String reference, String programPath, boolean built) {
}
