package dev.whiskstudio.sim.backend;

import java.util.Map;

/**
 * What to start: one container running the action proxy of a kind.
 *
 * @param name        unique among this simulator's containers (used in process titles and Docker names)
 * @param kind        the action kind, e.g. {@code nodejs:20}
 * @param memoryMb    the memory limit the container is held to
 * @param environment variables for the proxy process, {@code __OW_API_HOST} among them
 * @param inspector   whether the runtime's debugger listens too (a debug session's container, never a pooled one):
 *                    {@link ContainerBackend#start} then also waits until it is announced, see
 *                    {@link Container#inspectorUrl()}
 */
public record ContainerSpec(String name, String kind, int memoryMb, Map<String, String> environment, boolean inspector) {
    public ContainerSpec {
        environment = Map.copyOf(environment);
    }

    /** A container for the pool (no debugger). */
    public ContainerSpec(String name, String kind, int memoryMb, Map<String, String> environment) {
        this(name, kind, memoryMb, environment, false);
    }
}
