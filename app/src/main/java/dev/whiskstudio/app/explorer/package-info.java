/**
 * The entity explorer: the tree of a target's namespaces, packages (bindings and shared packages marked), actions,
 * sequences, web actions, triggers and rules, loaded lazily off the FX thread, with refresh, cancel, a readable
 * failure with Retry, and the commands on each entity (new, rename, delete, invoke, open, copy web URL, fire,
 * enable/disable). {@link dev.whiskstudio.app.explorer.EntityExplorer} is the view;
 * {@link dev.whiskstudio.app.explorer.EntityLoader} and {@link dev.whiskstudio.app.explorer.EntityCommands} are the
 * blocking REST work behind it; {@link dev.whiskstudio.app.explorer.ExplorerDialogs} asks the user, and a test can
 * answer instead. {@link dev.whiskstudio.app.explorer.ActionRef} names an action for the other views.
 */
package dev.whiskstudio.app.explorer;
