package dev.whiskstudio.app.status;

import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/** How many actions, packages, triggers and rules one namespace holds. */
public record NamespaceCounts(String namespace, Map<EntityCollection, Integer> counts) {

    public NamespaceCounts {
        counts = Map.copyOf(counts);
    }

    public int of(EntityCollection collection) {
        return counts.getOrDefault(collection, 0);
    }

    /** Asks the target for each count; blocks on the network. */
    public static NamespaceCounts fetch(OpenWhiskClient client, String namespace) throws IOException {
        Map<EntityCollection, Integer> counts = new EnumMap<>(EntityCollection.class);
        for (EntityCollection c : EntityCollection.values()) {
            counts.put(c, client.count(namespace, c));
        }
        return new NamespaceCounts(namespace, counts);
    }
}
