package dev.whiskstudio.app.debug.cdp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The {@code Debugger.paused} event: the stack, the reason ({@code other} for breakpoints, steps and pause requests,
 * {@code exception}, {@code promiseRejection}, {@code Break on start} in Node.js...), and for an exception the thrown
 * value as a RemoteObject in {@code data} (with an {@code uncaught} flag).
 */
public record Paused(List<CallFrame> callFrames, String reason, JsonNode data, List<String> hitBreakpoints) {
    public static final String EVENT = "Debugger.paused";

    public Paused {
        callFrames = callFrames == null ? List.of() : callFrames;
        hitBreakpoints = hitBreakpoints == null ? List.of() : hitBreakpoints;
    }
}
