/**
 * Debugging an action (any Node.js program) from the app, without UI: {@link dev.whiskstudio.app.debug.DebugSession}
 * (breakpoints by user file and line, conditions and logpoints, exception pauses, run control, the paused stack,
 * scopes and variables read lazily, evaluation, the console, a clean end), the {@link
 * dev.whiskstudio.app.debug.DebugBackend} it asks to start, pause-track and stop the program (the simulator's debug
 * sessions), and {@link dev.whiskstudio.app.debug.SourceMapping} between the user's files and the scripts the
 * container runs (inline code, unpacked zips, bundles with source maps, read by our own {@link
 * dev.whiskstudio.app.debug.SourceMap} decoder). The protocol itself is in {@code debug.cdp}; the views that show a
 * session are elsewhere and observe its JavaFX properties.
 */
package dev.whiskstudio.app.debug;
