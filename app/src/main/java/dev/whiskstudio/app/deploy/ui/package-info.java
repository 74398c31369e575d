/**
 * The deploy dialog: {@link dev.whiskstudio.app.deploy.ui.DeployDialog#show} with a
 * {@link dev.whiskstudio.app.deploy.ui.DeployRequest} (project, scope, targets, executor) shows the preview of the
 * chosen target as a table, deploys with a progress bar and a status per entity, and cancels. The work runs on the
 * request's executor through {@link dev.whiskstudio.app.deploy.Deployer}; the FX thread only shows results.
 */
package dev.whiskstudio.app.deploy.ui;
