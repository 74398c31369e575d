/**
 * The workspace behind the IDE's windows, with no UI code: where a user's targets come from
 * ({@link dev.whiskstudio.app.workspace.targets}), the files they are read from
 * ({@link dev.whiskstudio.app.workspace.env}), a project folder and its manifest
 * ({@link dev.whiskstudio.app.workspace.project}), and syncing a project to a target
 * ({@link dev.whiskstudio.app.workspace.sync}). Every call here may do blocking I/O: run it off the FX thread.
 */
package dev.whiskstudio.app.workspace;
