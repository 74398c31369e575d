package dev.whiskstudio.app.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.io.AtomicReplace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The last inputs of each action on each target, newest first, kept in a JSON file
 * ({@code {"<api host> /ns/pkg/action": ["{...}", ...]}}). The file is read and written on the given executor, never
 * on the FX thread; writes go to a temporary file that then replaces the old one, so a crash leaves either version.
 * A file that cannot be read starts an empty history (and is replaced on the next write).
 */
public final class InputHistory {
    public static final int DEFAULT_KEEP = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final int keep;
    private final Executor io;
    private final Map<String, List<String>> inputs = new LinkedHashMap<>();
    private final CompletableFuture<Void> loaded;

    /** Starts reading {@code file} at once on {@code io}. */
    public InputHistory(Path file, int keep, Executor io) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least 1 input");
        }
        this.file = file;
        this.keep = keep;
        this.io = io;
        this.loaded = CompletableFuture.runAsync(this::read, io);
    }

    public InputHistory(Path file, Executor io) {
        this(file, DEFAULT_KEEP, io);
    }

    /** {@code ~/.whisk-studio/inputs.json}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".whisk-studio", "inputs.json");
    }

    /** The key of an action on a target: the API host and the action's full name; never the key. */
    public static String key(Target target, ActionRef action) {
        return target.apiHost() + " " + action.qualifiedName();
    }

    public Path file() {
        return file;
    }

    /** The inputs kept for {@code key}, newest first, once the file has been read. */
    public CompletableFuture<List<String>> recent(String key) {
        return loaded.thenApply(v -> snapshot(key));
    }

    /** Puts an input first for {@code key} (moving it there if it was already kept) and writes the file. */
    public CompletableFuture<Void> remember(String key, String input) {
        return loaded.thenRunAsync(() -> {
            synchronized (this) {
                List<String> list = inputs.computeIfAbsent(key, k -> new ArrayList<>());
                list.remove(input);
                list.add(0, input);
                while (list.size() > keep) {
                    list.remove(list.size() - 1);
                }
                write();
            }
        }, io);
    }

    private synchronized List<String> snapshot(String key) {
        return List.copyOf(inputs.getOrDefault(key, List.of()));
    }

    private synchronized void read() {
        JsonNode stored;
        try {
            stored = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException none) {
            return;
        } catch (IOException unreadable) {
            // a damaged history is not worth stopping for: the panel works without it
            return;
        }
        if (stored == null || !stored.isObject()) {
            return;
        }
        stored.fields().forEachRemaining(entry -> {
            List<String> list = new ArrayList<>();
            entry.getValue().forEach(v -> {
                if (v.isTextual() && list.size() < keep) {
                    list.add(v.asText());
                }
            });
            inputs.put(entry.getKey(), list);
        });
    }

    /** Called holding the lock. */
    private void write() {
        ObjectNode out = JSON.createObjectNode();
        inputs.forEach((key, list) -> {
            ArrayNode array = out.putArray(key);
            list.forEach(array::add);
        });
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out));
                AtomicReplace.move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the inputs to " + file, e);
        }
    }
}
