package dev.whiskstudio.sim.backend;

/** A container could not be started or its proxy never answered. */
public class ContainerStartException extends Exception {
    public ContainerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public ContainerStartException(String message) {
        super(message);
    }
}
