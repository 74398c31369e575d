/**
 * The headless {@code deploy} command for CI pipelines ({@code java -jar whisk-deploy.jar deploy ...}): the same
 * {@link dev.whiskstudio.app.deploy.Deployer} as the dialog, a target from the flags, {@code ~/.wskprops}, the
 * project's aio {@code .env} or the user's saved targets, the preview and per-entity progress printed, and an exit
 * code a pipeline can test. Keys are printed masked, never whole. No JavaFX here.
 */
package dev.whiskstudio.app.deploy.cli;
