package dev.whiskstudio.sim.backend;

/** Starts containers for the invoker. One backend per simulator, chosen by configuration. */
public interface ContainerBackend extends AutoCloseable {

    /** {@code process} or {@code docker}. */
    String name();

    /**
     * Starts a container and returns once its proxy accepts connections.
     *
     * @throws ContainerStartException when it cannot be started (the activation then ends with a whisk error)
     */
    Container start(ContainerSpec spec) throws ContainerStartException;

    /** Removes containers that an earlier run of this simulator left behind (one killed with {@code kill -9}). */
    void removeOrphans();

    /** Destroys every container this backend started. */
    @Override
    void close();
}
