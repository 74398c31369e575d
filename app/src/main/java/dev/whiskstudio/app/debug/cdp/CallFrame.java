package dev.whiskstudio.app.debug.cdp;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A frame of the paused stack: {@code Debugger.CallFrame}. {@code url} is often empty in Node.js: the script's URL
 * comes from its {@code Debugger.scriptParsed} by {@code location.scriptId}.
 */
public record CallFrame(String callFrameId, String functionName, Location functionLocation, Location location,
                        String url, List<Scope> scopeChain, @JsonProperty("this") RemoteObject thisObject,
                        RemoteObject returnValue) {
    public CallFrame {
        scopeChain = scopeChain == null ? List.of() : scopeChain;
    }
}
