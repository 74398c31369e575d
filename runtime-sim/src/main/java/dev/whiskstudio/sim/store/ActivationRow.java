package dev.whiskstudio.sim.store;

import dev.whiskstudio.sim.entity.ActivationRecord;

/**
 * One activation as stored: the keys it is found by, its summary (the list view's JSON) and its whole record
 * (JSON). Both texts are kept so a list never parses the large records.
 * <p>
 * {@code insightJson} and {@code paramsJson} are the simulator's own view of the activation (its container, how it
 * was started, the payload it was invoked with), stored beside the record in the same transaction; null when there
 * is none.
 */
public record ActivationRow(String activationId, String namespace, String path, long start, String summaryJson,
                            String docJson, String insightJson, String paramsJson) {

    public static ActivationRow of(ActivationRecord record) {
        return new ActivationRow(record.activationId(), record.namespace(), record.path(), record.start(),
                record.summary().toString(), record.toJson().toString(), null, null);
    }

    /** The same row with the simulator's insight ({@code insightJson} without the params) and the params' JSON. */
    public ActivationRow withInsight(String insight, String params) {
        return new ActivationRow(activationId, namespace, path, start, summaryJson, docJson, insight, params);
    }
}
