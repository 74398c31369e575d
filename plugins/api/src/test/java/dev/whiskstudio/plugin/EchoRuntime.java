package dev.whiskstudio.plugin;

import java.util.List;
import java.util.Map;

/** A runtime registered in this module's test resources, to prove discovery works. */
public class EchoRuntime implements RuntimeProvider {
    @Override
    public String id() {
        return "echo";
    }

    @Override
    public List<RuntimeKind> kinds() {
        return List.of(new RuntimeKind("echo:1", "echo", true, false));
    }

    @Override
    public ProxyLaunch launch(ProxyRequest request) {
        return new ProxyLaunch(List.of("echo", String.valueOf(request.port())), Map.of("KIND", request.kind()),
                request.scratchDir());
    }

    @Override
    public Map<String, byte[]> proxyFiles() {
        return Map.of("echo.sh", "echo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public List<String> containerCommand(ProxyRequest request, String programPath) {
        return List.of(programPath, "/proxy/echo.sh");
    }
}
