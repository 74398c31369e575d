package dev.whiskstudio.plugin;

import java.nio.file.Path;

/**
 * What the simulator asks of a runtime plugin when it starts a container.
 *
 * @param kind          the action kind
 * @param port          the loopback port the proxy must listen on
 * @param memoryLimitMb the action's memory limit, for the runtime's own heap setting
 * @param scratchDir    a directory the container may write to; removed with the container
 */
public record ProxyRequest(String kind, int port, int memoryLimitMb, Path scratchDir) {
}
