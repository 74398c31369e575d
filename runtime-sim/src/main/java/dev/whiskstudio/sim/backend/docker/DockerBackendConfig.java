package dev.whiskstudio.sim.backend.docker;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How the Docker backend reaches its engine and marks its containers.
 *
 * @param dockerHost       the engine, such as {@code unix:///var/run/docker.sock}
 * @param ownerId          the value of the {@value DockerBackend#LABEL_OWNER} label on every container it starts;
 *                         it names this simulator's data directory, so orphans of an earlier run can be found
 * @param readyTimeout     how long a new container may take to print its proxy's ready line
 * @param searchPath       the PATH where a runtime's program (such as {@code node}) is looked up to build its image
 * @param programByRuntime the program each runtime plugin's image holds, by plugin id; a plugin not listed gets the
 *                         program named like its id
 */
public record DockerBackendConfig(URI dockerHost, String ownerId, Duration readyTimeout, String searchPath,
                                  Map<String, String> programByRuntime) {

    public static final String DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(10);
    public static final Map<String, String> DEFAULT_PROGRAMS = Map.of("nodejs", "node");

    public DockerBackendConfig {
        programByRuntime = Map.copyOf(programByRuntime);
        if (ownerId.isBlank()) {
            throw new IllegalArgumentException("ownerId is blank");
        }
    }

    /**
     * Defaults, with the engine from {@code DOCKER_HOST} and programs looked up in {@code PATH} of the given
     * environment (the process's, usually).
     */
    public static DockerBackendConfig fromEnvironment(String ownerId, Map<String, String> environment) {
        String host = environment.get("DOCKER_HOST");
        return new DockerBackendConfig(URI.create(host == null || host.isBlank() ? DEFAULT_DOCKER_HOST : host),
                ownerId, DEFAULT_READY_TIMEOUT, environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"),
                DEFAULT_PROGRAMS);
    }

    public DockerBackendConfig withDockerHost(URI host) {
        return new DockerBackendConfig(host, ownerId, readyTimeout, searchPath, programByRuntime);
    }

    public DockerBackendConfig withReadyTimeout(Duration timeout) {
        return new DockerBackendConfig(dockerHost, ownerId, timeout, searchPath, programByRuntime);
    }

    public DockerBackendConfig withOwnerId(String id) {
        return new DockerBackendConfig(dockerHost, id, readyTimeout, searchPath, programByRuntime);
    }
}
