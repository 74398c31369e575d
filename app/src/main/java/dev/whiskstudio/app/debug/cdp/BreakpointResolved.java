package dev.whiskstudio.app.debug.cdp;

/** The {@code Debugger.breakpointResolved} event: a breakpoint bound in a script parsed after it was set. */
public record BreakpointResolved(String breakpointId, Location location) {
    public static final String EVENT = "Debugger.breakpointResolved";
}
