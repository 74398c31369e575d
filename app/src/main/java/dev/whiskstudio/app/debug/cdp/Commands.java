package dev.whiskstudio.app.debug.cdp;

/** Names of the parameterless commands and events the debugger uses. */
public final class Commands {
    public static final String DEBUGGER_ENABLE = "Debugger.enable";
    public static final String RUNTIME_ENABLE = "Runtime.enable";
    public static final String RUN_IF_WAITING = "Runtime.runIfWaitingForDebugger";
    public static final String RESUME = "Debugger.resume";
    public static final String STEP_OVER = "Debugger.stepOver";
    public static final String STEP_INTO = "Debugger.stepInto";
    public static final String STEP_OUT = "Debugger.stepOut";
    public static final String PAUSE = "Debugger.pause";
    public static final String RELEASE_OBJECT_GROUP = "Runtime.releaseObjectGroup";
    public static final String RESUMED_EVENT = "Debugger.resumed";

    private Commands() {
    }
}
