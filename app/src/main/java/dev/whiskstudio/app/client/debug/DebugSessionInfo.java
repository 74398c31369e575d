package dev.whiskstudio.app.client.debug;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A debug session of the simulator: one action's own container, started with the Node.js inspector, that runs every
 * activation of that action (in the session's namespace) one at a time until the session ends.
 *
 * @param sessionId    32 hex characters
 * @param action       where the action lives: {@code ns/pkg/name} or {@code ns/name}
 * @param revision     the action's version and update time the container was initialised with
 * @param containerId  the backend's id (a process id, a Docker container id)
 * @param inspectorUrl the inspector's WebSocket URL, {@code ws://127.0.0.1:PORT/ID}: connect the DevTools client here
 * @param scriptUrl    the URL the inspector gives the action's inline code (set breakpoints by it; user line N is
 *                     the script's line N-1, 0-based); null for a zip action, whose files are scripts named
 *                     {@code file://<workDir>/action-XXXXXX/<path in the archive>} (XXXXXX differs per container:
 *                     match the end with {@code urlRegex}, or read the URLs from {@code Debugger.scriptParsed})
 * @param workDir      the container's work directory, as the process in it sees it
 * @param state        {@code idle}, {@code running} (an activation is in the container), {@code paused} (the app said
 *                     the debugger holds it), or {@code ended} (in the answer that ended it)
 * @param activationId the activation in the container now, or null
 */
public record DebugSessionInfo(String sessionId, String action, String revision, String containerId,
                               String inspectorUrl, String scriptUrl, String workDir, String state,
                               String activationId) {

    public boolean isPaused() {
        return "paused".equals(state);
    }

    public boolean isEnded() {
        return "ended".equals(state);
    }

    public static DebugSessionInfo fromJson(JsonNode json) {
        return new DebugSessionInfo(Json.text(json, "sessionId"), Json.text(json, "action"),
                Json.text(json, "revision"), Json.text(json, "containerId"), Json.text(json, "inspectorUrl"),
                Json.text(json, "scriptUrl"), Json.text(json, "workDir"), Json.text(json, "state"),
                Json.text(json, "activationId"));
    }

    /**
     * The revision of an action entity as a session names the code its container was initialised with
     * ({@code version@updated}): when the action's differs from a session's, the container runs older code.
     */
    public static String revisionOf(JsonNode actionEntity) {
        return actionEntity.path("version").asText() + "@" + actionEntity.path("updated").asLong();
    }
}
