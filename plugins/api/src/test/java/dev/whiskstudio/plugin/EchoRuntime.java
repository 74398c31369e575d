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
}
