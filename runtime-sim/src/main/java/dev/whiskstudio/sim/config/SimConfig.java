package dev.whiskstudio.sim.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the simulator is built from. Immutable; {@link SimConfigLoader} reads it from flags and a YAML file.
 */
public record SimConfig(String host, int port, Path dataDir, Profile profile, SystemLimits limits,
                        List<Credential> credentials) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 3233;

    public SimConfig {
        credentials = List.copyOf(credentials);
    }

    /** Defaults of a profile: loopback, port 3233, the guest key only. */
    public static SimConfig defaults(Path dataDir, Profile profile) {
        return new SimConfig(LOOPBACK, DEFAULT_PORT, dataDir, profile, profile.limits(), List.of(Credential.GUEST));
    }

    public SimConfig withPort(int newPort) {
        return new SimConfig(host, newPort, dataDir, profile, limits, credentials);
    }

    public SimConfig withDataDir(Path dir) {
        return new SimConfig(host, port, dir, profile, limits, credentials);
    }

    public SimConfig withLimits(SystemLimits newLimits) {
        return new SimConfig(host, port, dataDir, profile, newLimits, credentials);
    }

    public SimConfig withCredentials(List<Credential> newCredentials) {
        return new SimConfig(host, port, dataDir, profile, limits, newCredentials);
    }

    /** The profile's limits replace the current ones. */
    public SimConfig withProfile(Profile newProfile) {
        return new SimConfig(host, port, dataDir, newProfile, newProfile.limits(), credentials);
    }

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".whisk-studio", "simulator");
    }
}
