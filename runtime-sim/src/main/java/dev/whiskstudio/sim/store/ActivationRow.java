package dev.whiskstudio.sim.store;

import dev.whiskstudio.sim.entity.ActivationRecord;

/**
 * One activation as stored: the keys it is found by, its summary (the list view's JSON) and its whole record
 * (JSON). Both texts are kept so a list never parses the large records.
 */
public record ActivationRow(String activationId, String namespace, String path, long start, String summaryJson,
                            String docJson) {

    public static ActivationRow of(ActivationRecord record) {
        return new ActivationRow(record.activationId(), record.namespace(), record.path(), record.start(),
                record.summary().toString(), record.toJson().toString());
    }
}
