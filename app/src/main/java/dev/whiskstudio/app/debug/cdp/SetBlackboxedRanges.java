package dev.whiskstudio.app.debug.cdp;

import java.util.List;

/** {@code Debugger.setBlackboxedRanges}: one position at the start blackboxes the whole script. */
public record SetBlackboxedRanges(String scriptId, List<ScriptPosition> positions) {
    public static final String METHOD = "Debugger.setBlackboxedRanges";

    public record ScriptPosition(int lineNumber, int columnNumber) {
    }

    public static SetBlackboxedRanges wholeScript(String scriptId) {
        return new SetBlackboxedRanges(scriptId, List.of(new ScriptPosition(0, 0)));
    }
}
