package dev.whiskstudio.plugin;

import java.util.List;

/** A plugin that runs actions of some kinds: it lists them and says how to start their action proxy. */
public interface RuntimeProvider {

    /** A short stable id, such as {@code nodejs}. */
    String id();

    /** The kinds this plugin runs. */
    List<RuntimeKind> kinds();

    /**
     * How to start a proxy for one container of {@code request.kind()} as a local process. The proxy listens on
     * 127.0.0.1 at {@code request.port()} (0: any free port) and, once listening, writes its first stdout line:
     * {@value #READY_LINE_PREFIX}{@code PORT}. With {@link ProxyRequest#inspector()}, the debugger listens as well
     * and is announced on stderr ({@value #INSPECTOR_LINE_PREFIX}{@code URL}).
     */
    ProxyLaunch launch(ProxyRequest request);

    /**
     * The proxy's files, by path relative to the proxy's directory, for backends that build an image holding them
     * (the Docker backend puts them under {@code /proxy}).
     */
    java.util.Map<String, byte[]> proxyFiles();

    /**
     * The command that starts the proxy inside such an image, where the runtime's program is at {@code programPath}
     * and the proxy files under {@code /proxy}; the same ready line and port rules as {@link #launch} apply.
     */
    java.util.List<String> containerCommand(ProxyRequest request, String programPath);

    /**
     * Whether {@link ProxyRequest#inspector()} can be asked of this runtime: its proxy can run under a debugger that
     * speaks the Chrome DevTools Protocol, the way {@code node --inspect} does.
     */
    default boolean supportsInspector() {
        return false;
    }

    /** What a proxy writes, followed by its port, once it accepts connections. */
    String READY_LINE_PREFIX = "whisk-proxy listening on 127.0.0.1:";

    /**
     * What a runtime started with {@link ProxyRequest#inspector()} writes on stderr, followed by the debugger's
     * WebSocket URL ({@code ws://127.0.0.1:PORT/ID}), once the debugger listens: Node.js's own words.
     */
    String INSPECTOR_LINE_PREFIX = "Debugger listening on ";
}
