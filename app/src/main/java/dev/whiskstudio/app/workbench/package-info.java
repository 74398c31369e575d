/**
 * The main window: its layout (project and explorer on the left, editor tabs in the middle, the invoke panel on the
 * right, the status bar below), its menus and keyboard shortcuts, the target the views talk to, and the long work
 * (sync, refresh) it shows with progress and a way to cancel.
 */
package dev.whiskstudio.app.workbench;
