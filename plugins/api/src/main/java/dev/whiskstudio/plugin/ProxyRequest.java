package dev.whiskstudio.plugin;

import java.nio.file.Path;

/**
 * What the simulator asks of a runtime plugin when it starts a container.
 *
 * @param kind          the action kind
 * @param port          the loopback port the proxy must listen on
 * @param memoryLimitMb the action's memory limit, for the runtime's own heap setting
 * @param scratchDir    a directory the container may write to; removed with the container
 * @param inspector     whether the runtime's debugger must listen too (a debug session's container): on 127.0.0.1,
 *                      on a free port, announced on stderr by a line starting with
 *                      {@value RuntimeProvider#INSPECTOR_LINE_PREFIX}; only asked of a plugin whose
 *                      {@link RuntimeProvider#supportsInspector()} is true
 */
public record ProxyRequest(String kind, int port, int memoryLimitMb, Path scratchDir, boolean inspector) {

    /** A request for a container of the normal pool (no debugger). */
    public ProxyRequest(String kind, int port, int memoryLimitMb, Path scratchDir) {
        this(kind, port, memoryLimitMb, scratchDir, false);
    }
}
