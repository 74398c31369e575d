/**
 * Crash recovery copies of unsaved editor text: {@link dev.whiskstudio.app.editor.recovery.RecoveryStore} writes,
 * lists and deletes them in a folder (by default {@code ~/.whisk-studio/recovery}), one per file, with the original
 * path and time beside the text. Plain blocking file I/O: callers run it off the FX thread.
 */
package dev.whiskstudio.app.editor.recovery;
