/**
 * Files in editor tabs: {@link dev.whiskstudio.app.editor.tabs.EditorTabs} (the tab pane the main window shows and
 * whose methods its menu calls), {@link dev.whiskstudio.app.editor.tabs.EditorDocument} (one open file: its editor,
 * dirty state, save, what to do when the file changes on disk), reading and atomic writing of UTF-8 text files, the
 * poll that notices files changed on disk, and the periodic recovery copies of unsaved text. File I/O runs on the
 * editor's I/O thread, never on the FX thread.
 */
package dev.whiskstudio.app.editor.tabs;
