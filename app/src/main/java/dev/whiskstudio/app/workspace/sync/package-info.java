/**
 * Syncing a project to a target, in two parts. {@link dev.whiskstudio.app.workspace.sync.SyncPlanner} turns a
 * {@link dev.whiskstudio.app.workspace.project.Project} into a {@link dev.whiskstudio.app.workspace.sync.SyncPlan}:
 * a plain, ordered list of {@link dev.whiskstudio.app.workspace.sync.SyncStep}s (packages, actions, sequences after
 * their components, triggers and their feeds, rules), each with the JSON body the platform is sent, {@code $VAR}
 * inputs resolved and undefined ones listed as warnings. {@link dev.whiskstudio.app.workspace.sync.SyncRun} then
 * executes a plan through the {@link dev.whiskstudio.app.client.OpenWhiskClient}, step by step, reporting progress,
 * stopping between steps when cancelled, and carrying on past a failed step with every step that does not depend
 * on it. {@link dev.whiskstudio.app.workspace.sync.ProjectSync} puts the two together for the UI.
 */
package dev.whiskstudio.app.workspace.sync;
