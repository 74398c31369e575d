package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.whiskstudio.app.io.AtomicReplace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes activations as a JSON array of their whole records, in the order given, fetched (blocking) from the cache
 * or the target. The file appears whole or not at all.
 */
final class ActivationExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ActivationExport() {
    }

    static int write(List<String> activationIds, RecordFetcher fetcher, Path file) throws IOException {
        ArrayNode records = JSON.createArrayNode();
        for (String id : activationIds) {
            JsonNode record = fetcher.record(id);
            records.add(record);
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), records);
            AtomicReplace.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
        return records.size();
    }
}
