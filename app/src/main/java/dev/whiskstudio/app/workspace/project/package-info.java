/**
 * A project folder and what its manifest declares. {@link dev.whiskstudio.app.workspace.project.ProjectLoader}
 * reads a wskdeploy {@code manifest.yml}, an aio App Builder {@code app.config.yaml} (its application's and
 * extensions' {@code runtimeManifest}, following {@code $include}), or, with neither, the folder's top-level
 * {@code .js} files, into a {@link dev.whiskstudio.app.workspace.project.Project}: packages with their actions
 * (each with its source file), sequences, triggers and rules, plus the folder's {@code .env}. Values are records;
 * a manifest that cannot be used gives a {@link dev.whiskstudio.app.workspace.project.ProjectLoadException} naming
 * the file, line and column. The YAML is read into a small tree of our own that keeps each node's position, so
 * that a wrong shape is reported where it is, not only bad syntax.
 */
package dev.whiskstudio.app.workspace.project;
