package dev.whiskstudio.app.debug.cdp;

import java.util.List;

/** {@code Runtime.StackTrace}: where a console call or an exception came from. */
public record StackTrace(String description, List<Frame> callFrames) {
    public StackTrace {
        callFrames = callFrames == null ? List.of() : callFrames;
    }

    /** {@code Runtime.CallFrame}, lines and columns from 0. */
    public record Frame(String functionName, String scriptId, String url, int lineNumber, int columnNumber) {
    }
}
