package dev.whiskstudio.app.debug;

import java.util.List;

/**
 * A frame of the paused stack, innermost first ({@code index} 0).
 *
 * @param pauseId      the pause it belongs to; a frame of an earlier pause cannot be evaluated in
 * @param functionName the engine's, empty for an anonymous function or the script's top level
 * @param scriptUrl    the script it runs in, and {@code line}, {@code column} (from 0) there
 * @param userLocation the user's file and line, or null when the script is not the user's
 * @param runtime      true for the runtime's own code (our action proxy's files, Node.js's internal modules), which
 *                     a call stack view may dim or fold
 */
public record StackFrame(long pauseId, int index, String callFrameId, String functionName, String scriptUrl,
                         int line, int column, UserLocation userLocation, boolean runtime, List<FrameScope> scopes) {
    public StackFrame {
        scopes = List.copyOf(scopes);
    }

    /** The name to show: the function's, or {@code (anonymous)}. */
    public String displayName() {
        return functionName == null || functionName.isEmpty() ? "(anonymous)" : functionName;
    }

    /** The location to show: {@code action.js:12}, or the script's name and line. */
    public String locationText() {
        if (userLocation != null) {
            return userLocation.file().getFileName() + ":" + userLocation.line();
        }
        String url = scriptUrl == null ? "" : scriptUrl;
        int slash = url.lastIndexOf('/');
        return (slash >= 0 ? url.substring(slash + 1) : url) + ":" + (line + 1);
    }
}
