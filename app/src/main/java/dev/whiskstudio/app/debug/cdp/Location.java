package dev.whiskstudio.app.debug.cdp;

/** A position in a script: {@code Debugger.Location}, line and column from 0; {@code columnNumber} may be absent. */
public record Location(String scriptId, int lineNumber, Integer columnNumber) {
    public int column() {
        return columnNumber == null ? 0 : columnNumber;
    }
}
