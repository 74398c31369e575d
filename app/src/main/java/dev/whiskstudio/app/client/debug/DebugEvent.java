package dev.whiskstudio.app.client.debug;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A debug session's move, from the simulator's live event stream ({@code event: debug}).
 *
 * @param sessionId the session
 * @param action    its action, {@code ns/pkg/name}
 * @param state     {@code started}, {@code paused}, {@code running} or {@code ended}
 * @param reason    why: {@code created} when started, {@code debugger} when paused or running (the app said so), and
 *                  for an end one of {@code deleted}, {@code container-exited}, {@code timeout},
 *                  {@code action-failed}, {@code simulator-stopped}
 * @param message   for an end, a sentence to show the user; else null
 */
public record DebugEvent(String sessionId, String action, String state, String reason, String message) {

    public boolean isEnded() {
        return "ended".equals(state);
    }

    public static DebugEvent fromJson(JsonNode json) {
        return new DebugEvent(Json.text(json, "sessionId"), Json.text(json, "action"), Json.text(json, "state"),
                Json.text(json, "reason"), Json.text(json, "message"));
    }
}
