package dev.whiskstudio.app.client.insight;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's container pool at one moment: its memory capacity and use, the activations waiting for room,
 * and every container (another key's without their namespace and action).
 */
public record PoolView(int capacityMb, int usedMb, int queued, List<ContainerView> containers) {

    public PoolView {
        containers = List.copyOf(containers);
    }

    public static PoolView fromJson(JsonNode json) {
        List<ContainerView> containers = new ArrayList<>();
        json.path("containers").forEach(c -> containers.add(ContainerView.fromJson(c)));
        return new PoolView(json.path("capacityMb").asInt(0), json.path("usedMb").asInt(0),
                json.path("queued").asInt(0), containers);
    }
}
