package dev.whiskstudio.app.debug;

/**
 * A program started under the Node.js inspector by a {@link DebugBackend}.
 *
 * @param id           the backend's name for it (the simulator's debug session id)
 * @param inspectorUrl {@code ws://127.0.0.1:PORT/ID}
 * @param scriptUrl    the URL the action's inline code has in the inspector, or null when not known (then the mapping
 *                     matches it by its file name)
 * @param workDir      the container's work directory as the process sees it (a zip action is unpacked under it), or
 *                     null
 */
public record DebugTarget(String id, String inspectorUrl, String scriptUrl, String workDir) {
}
