package dev.whiskstudio.app.debug.cdp;

import java.util.List;

/**
 * {@code Debugger.setBreakpointByUrl}: by exact {@code url} or by {@code urlRegex} (a JavaScript regular
 * expression), so it also binds in scripts parsed later. Before the script is parsed the answer has no locations and
 * a {@code Debugger.breakpointResolved} event follows when it is.
 */
public final class SetBreakpointByUrl {
    public static final String METHOD = "Debugger.setBreakpointByUrl";

    private SetBreakpointByUrl() {
    }

    public record Params(int lineNumber, String url, String urlRegex, Integer columnNumber, String condition) {
    }

    public record Result(String breakpointId, List<Location> locations) {
        public Result {
            locations = locations == null ? List.of() : locations;
        }
    }
}
