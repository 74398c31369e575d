package dev.whiskstudio.app.client.insight;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code GET /sim/v1} says about a Whisk Studio simulator.
 *
 * @param simulator always {@code whisk-studio}
 * @param version   the simulator's version ({@code development} when run from a build's classes)
 * @param profile   {@code openwhisk} or {@code adobe-io-runtime}
 * @param backend   {@code process} or {@code docker}
 */
public record SimulatorInfo(String simulator, String version, String profile, String backend) {

    public static SimulatorInfo fromJson(JsonNode json) {
        return new SimulatorInfo(json.path("simulator").asText(""), json.path("version").asText(""),
                json.path("profile").asText(""), json.path("backend").asText(""));
    }
}
