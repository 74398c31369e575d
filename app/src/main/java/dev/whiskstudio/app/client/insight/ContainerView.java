package dev.whiskstudio.app.client.insight;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One container of the simulator's pool.
 *
 * @param containerId the backend's id (a process id, a Docker id); null while it is starting
 * @param name        the pool's name for it, stable for its whole life
 * @param state       {@code starting}, {@code prewarmed}, {@code warm}, {@code busy} or {@code paused}
 * @param namespace   the namespace it runs for; null for a stem cell or another key's container
 * @param action      {@code ns/pkg/name} of its action; null for a stem cell or another key's container
 * @param active      activations running in it now
 * @param lastUsed    epoch ms when an activation last took or gave it back
 */
public record ContainerView(String containerId, String name, String kind, int memoryMb, String state,
                            String namespace, String action, int active, long lastUsed) {

    public static ContainerView fromJson(JsonNode json) {
        return new ContainerView(Json.text(json, "containerId"), Json.text(json, "name"), Json.text(json, "kind"),
                json.path("memoryMb").asInt(0), Json.text(json, "state"), Json.text(json, "namespace"),
                Json.text(json, "action"), json.path("active").asInt(0), json.path("lastUsed").asLong(0));
    }

    /** Whether it is a stem cell: started, not yet given an action. */
    public boolean isPrewarmed() {
        return "prewarmed".equals(state);
    }
}
