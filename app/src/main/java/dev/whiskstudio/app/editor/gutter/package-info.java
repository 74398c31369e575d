/**
 * The gutter beside the text: line numbers, a breakpoint column that toggles a line's breakpoint in the editor's
 * {@link dev.whiskstudio.app.editor.gutter.BreakpointModel} (kept on its line as lines come and go above it), and the
 * marker of the line the debugger stands on.
 */
package dev.whiskstudio.app.editor.gutter;
