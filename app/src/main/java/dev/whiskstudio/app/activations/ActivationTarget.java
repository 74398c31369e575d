package dev.whiskstudio.app.activations;

import dev.whiskstudio.app.client.OpenWhiskClient;

import java.util.Objects;

/**
 * The activations of one namespace of one target, as the view reads them: the REST reader (history, whole records,
 * exports), what the target knows beyond the records, and its live feed.
 *
 * @param name     the target's name, for messages
 * @param reader   the namespace's activations over the REST API
 * @param insight  {@link InsightSource#NONE} on a cluster; the simulator's insight client on the simulator
 * @param liveFeed a {@link PollingFeed} on any target; the simulator's event stream on the simulator
 */
public record ActivationTarget(String name, ActivationReader reader, InsightSource insight, ActivationFeed liveFeed) {

    public ActivationTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(insight, "insight");
        Objects.requireNonNull(liveFeed, "liveFeed");
    }

    /** A target known only through its REST API, polled with the default settings. */
    public static ActivationTarget polling(String name, OpenWhiskClient client, String namespace) {
        return polling(name, new ActivationReader(client, namespace), InsightSource.NONE, PollingSettings.defaults());
    }

    /** A target polled over its REST API, with the given insight (rows are enriched as they arrive). */
    public static ActivationTarget polling(String name, ActivationReader reader, InsightSource insight,
                                           PollingSettings settings) {
        return new ActivationTarget(name, reader, insight, new PollingFeed(reader, insight, settings));
    }

    public String namespace() {
        return reader.namespace();
    }
}
