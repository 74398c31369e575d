package dev.whiskstudio.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one container's action proxy as a local process: the proxy then serves the platform's
 * {@code /init} and {@code /run} protocol on 127.0.0.1 at the port it was given.
 *
 * @param command     program and arguments
 * @param environment variables added to the process environment
 * @param workingDir  where the process starts (the container's scratch directory)
 */
public record ProxyLaunch(List<String> command, Map<String, String> environment, Path workingDir) {
    public ProxyLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
