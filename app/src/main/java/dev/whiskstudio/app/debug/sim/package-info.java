/**
 * Debugging an action of a Whisk Studio simulator: the {@link dev.whiskstudio.app.debug.DebugBackend} that asks the
 * simulator for a debug session (a container of the action's own with the Node inspector), and how the user's files
 * map to what that container runs.
 */
package dev.whiskstudio.app.debug.sim;
