/**
 * The targets a user can work against and where each comes from: the embedded simulator, the cluster of the wsk
 * CLI's {@code ~/.wskprops}, the Adobe I/O Runtime namespace of an aio project's {@code .env}, and the clusters
 * the user added, kept in {@code ~/.whisk-studio/targets.json} ({@link dev.whiskstudio.app.workspace.targets.UserTargets},
 * owner-only permissions, replaced atomically). {@link dev.whiskstudio.app.workspace.targets.TargetCatalog} lists
 * them all. Keys are shown only through {@link dev.whiskstudio.app.workspace.targets.KeyMask}; no
 * {@code toString} or message holds one.
 */
package dev.whiskstudio.app.workspace.targets;
