package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** The whole records fetched last (details, export, sequence trees), least recently used dropped first. Thread-safe. */
final class RecordCache {
    static final int DEFAULT_CAPACITY = 500;

    private final Map<String, JsonNode> records;

    RecordCache(int capacity) {
        this.records = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized JsonNode get(String activationId) {
        return records.get(activationId);
    }

    synchronized void put(String activationId, JsonNode record) {
        records.put(activationId, record);
    }
}
