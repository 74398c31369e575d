package dev.whiskstudio.plugin.nodejs;

import dev.whiskstudio.plugin.ProxyLaunch;
import dev.whiskstudio.plugin.ProxyRequest;
import dev.whiskstudio.plugin.RuntimeKind;
import dev.whiskstudio.plugin.RuntimeProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The nodejs kinds, all run by one {@code node} program (the one on the PATH unless told otherwise) with our
 * action proxy. The simulator compares node's version with the kind elsewhere.
 */
public final class NodejsRuntime implements RuntimeProvider {

    public static final String ID = "nodejs";
    public static final String FAMILY = "nodejs";

    /** Where a container image holds the proxy, per {@link RuntimeProvider#proxyFiles()}. */
    static final String CONTAINER_PROXY = "/proxy/" + ProxyScripts.ENTRY;

    private static final List<RuntimeKind> KINDS = List.of(
            new RuntimeKind("nodejs:18", FAMILY, false, false),
            new RuntimeKind("nodejs:20", FAMILY, true, false),
            new RuntimeKind("nodejs:22", FAMILY, false, false));

    /** The share of the action's memory limit given to V8's old generation; the rest is for code, buffers, stacks. */
    private static final int HEAP_PERCENT = 80;
    private static final int MIN_HEAP_MB = 16;
    /** The inspector on loopback only: anyone who reaches it can run code in the process. */
    static final String INSPECT_FLAG = "--inspect=127.0.0.1:0";

    private final String nodeProgram;
    private final ProxyInstaller installer;
    private ProxyScripts scripts;
    private Path installedDir;

    /** As found by {@link java.util.ServiceLoader}: {@code node} from the PATH, files under {@code ~/.whisk-studio}. */
    public NodejsRuntime() {
        this("node", Path.of(System.getProperty("user.home"), ".whisk-studio", "runtimes", "nodejs"));
    }

    /**
     * @param nodeProgram the node executable, a name looked up on the PATH or a path
     * @param cacheRoot   where the proxy's files are installed, one subdirectory per content
     */
    public NodejsRuntime(String nodeProgram, Path cacheRoot) {
        this.nodeProgram = nodeProgram;
        this.installer = new ProxyInstaller(cacheRoot);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RuntimeKind> kinds() {
        return KINDS;
    }

    /**
     * {@code node [--inspect=127.0.0.1:0] [--max-old-space-size=N] <cache>/proxy.js}, with the port and scratch
     * directory in the environment.
     *
     * @throws IllegalArgumentException when the kind is not a nodejs kind
     * @throws UncheckedIOException     when the proxy's files cannot be installed
     */
    @Override
    public ProxyLaunch launch(ProxyRequest request) {
        requireOwnKind(request.kind());
        Path proxy = installedDir().resolve(ProxyScripts.ENTRY);
        List<String> command = nodeCommand(nodeProgram, request, proxy.toString());
        Map<String, String> environment = Map.of(
                "__OW_PROXY_PORT", Integer.toString(request.port()),
                "__OW_PROXY_WORKDIR", request.scratchDir().toAbsolutePath().toString());
        return new ProxyLaunch(command, environment, request.scratchDir());
    }

    @Override
    public Map<String, byte[]> proxyFiles() {
        return scripts().files();
    }

    /** Node's inspector runs in every process started with {@code --inspect}. */
    @Override
    public boolean supportsInspector() {
        return true;
    }

    /**
     * The same command for a container image. Containers share the host's network and the simulator reaches them on
     * loopback, so the proxy listens on 127.0.0.1 only, never on the machine's other interfaces; so does the
     * inspector when asked for. A debug container keeps the action's files in the scratch directory (not in a
     * temporary directory of its own), so the inspector's script URLs are known in advance.
     */
    @Override
    public List<String> containerCommand(ProxyRequest request, String programPath) {
        requireOwnKind(request.kind());
        List<String> command = nodeCommand(programPath, request, CONTAINER_PROXY);
        command.add("--host=127.0.0.1");
        command.add("--port=" + request.port());
        if (request.inspector()) {
            command.add("--workdir=" + request.scratchDir());
        }
        return List.copyOf(command);
    }

    /** The V8 heap limit for an action memory limit, or 0 to leave node's default (no limit given). */
    static int heapLimitMb(int memoryLimitMb) {
        if (memoryLimitMb <= 0) {
            return 0;
        }
        return Math.max(MIN_HEAP_MB, memoryLimitMb * HEAP_PERCENT / 100);
    }

    private static List<String> nodeCommand(String program, ProxyRequest request, String proxyPath) {
        List<String> command = new ArrayList<>();
        command.add(program);
        if (request.inspector()) {
            // port 0: the inspector takes a free port and names it in its "Debugger listening on ws://..." line
            command.add(INSPECT_FLAG);
        }
        int heap = heapLimitMb(request.memoryLimitMb());
        if (heap > 0) {
            command.add("--max-old-space-size=" + heap);
        }
        command.add(proxyPath);
        return command;
    }

    private void requireOwnKind(String kind) {
        for (RuntimeKind k : KINDS) {
            if (k.kind().equals(kind)) {
                return;
            }
        }
        throw new IllegalArgumentException("not a kind of the " + ID + " runtime: " + kind);
    }

    private synchronized ProxyScripts scripts() {
        if (scripts == null) {
            scripts = ProxyScripts.fromClassPath();
        }
        return scripts;
    }

    private synchronized Path installedDir() {
        // Checked each time: someone may have cleared the cache while the simulator runs.
        if (installedDir == null || !Files.isRegularFile(installedDir.resolve(ProxyScripts.ENTRY))) {
            try {
                installedDir = installer.install(scripts());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install the Node.js action proxy", e);
            }
        }
        return installedDir;
    }
}
