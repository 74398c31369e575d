package dev.whiskstudio.app.debug.cdp;

/** {@code Debugger.removeBreakpoint}. */
public record RemoveBreakpoint(String breakpointId) {
    public static final String METHOD = "Debugger.removeBreakpoint";
}
