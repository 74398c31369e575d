package dev.whiskstudio.app.debug.cdp;

/**
 * The {@code Debugger.scriptParsed} event: a script the engine compiled. Node.js reports files as {@code file://}
 * URLs (also code compiled with {@code vm} under a file name) and its own modules as {@code node:...}.
 */
public record ScriptParsed(String scriptId, String url, int startLine, int startColumn, int endLine, int endColumn,
                           Integer executionContextId, String hash, String sourceMapURL, Boolean hasSourceURL,
                           Boolean isModule, Integer length) {
    public static final String EVENT = "Debugger.scriptParsed";
}
