package dev.whiskstudio.sim.store;

/**
 * The simulator's insight into one activation as stored: the insight object's JSON (without params) and the JSON
 * of the params the activation was invoked with.
 */
public record StoredInsight(String insightJson, String paramsJson) {
}
