/**
 * The Docker container backend: {@link dev.whiskstudio.sim.backend.docker.DockerBackend} runs each action container
 * as a Docker container on the host network, from an image {@link dev.whiskstudio.sim.backend.docker.RuntimeImages}
 * builds from this machine's runtime program and the plugin's proxy files (imported, never pulled).
 */
package dev.whiskstudio.sim.backend.docker;
