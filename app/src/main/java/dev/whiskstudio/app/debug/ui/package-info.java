/**
 * The debugger's views, driven by a {@link dev.whiskstudio.app.debug.DebugSession} given from outside:
 * {@link dev.whiskstudio.app.debug.ui.DebugContext} (the session shown, the selected stack frame, the exception
 * setting and the user's breakpoints, which outlive sessions), {@link dev.whiskstudio.app.debug.ui.DebugPanel}
 * (toolbar, status, call stack, variables, watches, console, breakpoints) and
 * {@link dev.whiskstudio.app.debug.ui.EditorDebugBridge} (the editor's gutter breakpoints, the execution line, value
 * hovers). Everything here runs on the FX thread; session calls answer with futures whose results come back through
 * {@code Platform.runLater}.
 */
package dev.whiskstudio.app.debug.ui;
