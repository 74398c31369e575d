package dev.whiskstudio.sim;

import dev.whiskstudio.plugin.PluginRegistry;
import dev.whiskstudio.sim.backend.ContainerBackend;
import dev.whiskstudio.sim.backend.docker.DockerBackend;
import dev.whiskstudio.sim.backend.docker.DockerBackendConfig;
import dev.whiskstudio.sim.backend.process.ProcessBackend;
import dev.whiskstudio.sim.config.SimConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Builds the container backend the configuration names. */
public final class Backends {
    private Backends() {
    }

    public static ContainerBackend create(SimConfig config, PluginRegistry plugins) {
        if (SimConfig.DOCKER_BACKEND.equals(config.backend())) {
            return new DockerBackend(DockerBackendConfig.fromEnvironment(ownerId(config), System.getenv()), plugins);
        }
        return new ProcessBackend(plugins, config.dataDir().resolve("containers"), ownerId(config));
    }

    /** Names this simulator's containers: one id per data directory, so a restart finds its predecessor's orphans. */
    public static String ownerId(SimConfig config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(config.dataDir().toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
