package dev.whiskstudio.sim.backend;

import java.util.Map;

/**
 * What to start: one container running the action proxy of a kind.
 *
 * @param name        unique among this simulator's containers (used in process titles and Docker names)
 * @param kind        the action kind, e.g. {@code nodejs:20}
 * @param memoryMb    the memory limit the container is held to
 * @param environment variables for the proxy process, {@code __OW_API_HOST} among them
 */
public record ContainerSpec(String name, String kind, int memoryMb, Map<String, String> environment) {
    public ContainerSpec {
        environment = Map.copyOf(environment);
    }
}
