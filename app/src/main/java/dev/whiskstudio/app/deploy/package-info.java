/**
 * Deploying a project to a cluster, with no UI (the command line and the dialog share it): a
 * {@link dev.whiskstudio.app.deploy.DeployScope} picks what to deploy, {@link dev.whiskstudio.app.deploy.PreviewBuilder}
 * compares the sync plan of {@code workspace.sync} with what the target holds
 * ({@link dev.whiskstudio.app.deploy.EntityDiff}) and gives a {@link dev.whiskstudio.app.deploy.DeployPreview} of
 * creates, updates, unchanged entities and extra ones, and {@link dev.whiskstudio.app.deploy.DeployRun} sends only what
 * changed, through a client whose requests are retried by {@link dev.whiskstudio.app.deploy.RetryInterceptor}.
 * {@link dev.whiskstudio.app.deploy.Deployer} puts them together for one target. Nothing here touches JavaFX: the
 * headless jar holds this package without it.
 */
package dev.whiskstudio.app.deploy;
