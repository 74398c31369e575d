package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whole records of one target, from the cache or the target; each fetched record also gives the log its text for
 * the logs-and-result search. Calls block; thread-safe.
 */
final class RecordFetcher {
    private final ActivationReader reader;
    private final RecordCache cache;
    private final ActivationLog log;

    RecordFetcher(ActivationReader reader, RecordCache cache, ActivationLog log) {
        this.reader = Objects.requireNonNull(reader);
        this.cache = Objects.requireNonNull(cache);
        this.log = Objects.requireNonNull(log);
    }

    ActivationReader reader() {
        return reader;
    }

    JsonNode record(String activationId) throws IOException {
        JsonNode known = cache.get(activationId);
        if (known != null) {
            return known;
        }
        JsonNode record = reader.record(activationId);
        remember(record);
        return record;
    }

    /** Keeps records read some other way (a page of whole records), telling the log once. */
    void rememberAll(List<JsonNode> records) {
        Map<String, String> texts = new HashMap<>();
        for (JsonNode record : records) {
            String id = record.path("activationId").asText("");
            if (!id.isEmpty()) {
                cache.put(id, record);
                texts.put(id, DocText.of(record));
            }
        }
        log.setDocTexts(texts);
    }

    /** Keeps a record read some other way. */
    void remember(JsonNode record) {
        String id = record.path("activationId").asText("");
        if (!id.isEmpty()) {
            cache.put(id, record);
            log.setDocText(id, DocText.of(record));
        }
    }
}
