package dev.whiskstudio.sim.store;

/**
 * A page of a namespace's activations, newest first.
 *
 * @param path  {@code name} or {@code pkg/name} to match, or null for all
 * @param since only activations that started at or after this epoch ms (0: no bound)
 * @param upto  only activations that started at or before this epoch ms (0: no bound)
 * @param docs  whole records instead of summaries
 */
public record ActivationQuery(String namespace, String path, long since, long upto, int skip, int limit, boolean docs) {
}
