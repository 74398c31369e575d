package dev.whiskstudio.sim.config;

import dev.whiskstudio.sim.invoker.PoolConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the simulator is built from. Immutable; {@link SimConfigLoader} reads it from flags and a YAML file.
 */
public record SimConfig(String host, int port, Path dataDir, Profile profile, SystemLimits limits,
                        List<Credential> credentials, String backend, PoolConfig pool) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 3233;

    public SimConfig {
        credentials = List.copyOf(credentials);
    }

    public static final String PROCESS_BACKEND = "process";
    public static final String DOCKER_BACKEND = "docker";

    /** Defaults of a profile: loopback, port 3233, the guest key only, the process backend. */
    public static SimConfig defaults(Path dataDir, Profile profile) {
        return new SimConfig(LOOPBACK, DEFAULT_PORT, dataDir, profile, profile.limits(), List.of(Credential.GUEST),
                PROCESS_BACKEND, defaultPool(profile));
    }

    /**
     * The invoker's defaults: the platform's pause grace (10 s) and idle timeout (10 min); a capacity of 1024 MB,
     * or the profile's largest action memory if that is more; the profile's stem cells.
     */
    public static PoolConfig defaultPool(Profile profile) {
        int capacity = (int) Math.max(1024, profile.limits().memoryMb().max());
        List<PoolConfig.Prewarm> prewarm = profile == Profile.ADOBE_IO_RUNTIME
                ? List.of(new PoolConfig.Prewarm("nodejs:20", 256, 2), new PoolConfig.Prewarm("nodejs:20", 512, 1),
                new PoolConfig.Prewarm("nodejs:20", 1024, 1))
                : List.of(new PoolConfig.Prewarm("nodejs:20", 256, 2));
        return new PoolConfig(capacity, prewarm, Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    public SimConfig withPort(int newPort) {
        return new SimConfig(host, newPort, dataDir, profile, limits, credentials, backend, pool);
    }

    public SimConfig withDataDir(Path dir) {
        return new SimConfig(host, port, dir, profile, limits, credentials, backend, pool);
    }

    public SimConfig withLimits(SystemLimits newLimits) {
        return new SimConfig(host, port, dataDir, profile, newLimits, credentials, backend, pool);
    }

    public SimConfig withCredentials(List<Credential> newCredentials) {
        return new SimConfig(host, port, dataDir, profile, limits, newCredentials, backend, pool);
    }

    public SimConfig withBackend(String newBackend) {
        if (!PROCESS_BACKEND.equals(newBackend) && !DOCKER_BACKEND.equals(newBackend)) {
            throw new IllegalArgumentException("unknown backend '" + newBackend + "' (expected process or docker)");
        }
        return new SimConfig(host, port, dataDir, profile, limits, credentials, newBackend, pool);
    }

    public SimConfig withPool(PoolConfig newPool) {
        return new SimConfig(host, port, dataDir, profile, limits, credentials, backend, newPool);
    }

    /** The profile's limits and invoker defaults replace the current ones. */
    public SimConfig withProfile(Profile newProfile) {
        return new SimConfig(host, port, dataDir, newProfile, newProfile.limits(), credentials, backend,
                defaultPool(newProfile));
    }

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".whisk-studio", "simulator");
    }
}
