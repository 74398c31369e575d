package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.io.AtomicReplace;
import dev.whiskstudio.app.ui.Failures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Named filters of the activations list, kept in a JSON file ({@code {"filters":[{"name","filter":{...}}]}}), in the
 * order they were first saved. The file is read and written on the given executor; a write replaces the file in one
 * step. A file that cannot be read is set aside as {@code <name>.unreadable} at the next write instead of being
 * overwritten, and {@link #problem()} says so.
 */
public final class SavedFilters {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A filter under a name. */
    public record Saved(String name, ActivationFilter filter) {
        public Saved {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(filter, "filter");
        }
    }

    private final Path file;
    private final Executor io;
    private final List<Saved> filters = new ArrayList<>();
    private final CompletableFuture<Void> loaded;
    private volatile String problem = "";
    private boolean unreadable;

    /** Starts reading {@code file} at once on {@code io}. */
    public SavedFilters(Path file, Executor io) {
        this.file = Objects.requireNonNull(file, "file");
        this.io = Objects.requireNonNull(io, "io");
        this.loaded = CompletableFuture.runAsync(this::read, io);
    }

    /** {@code activation-filters.json} in the app's configuration folder. */
    public static Path fileIn(Path configDir) {
        return configDir.resolve("activation-filters.json");
    }

    public Path file() {
        return file;
    }

    /** Why the file could not be read; empty when it could (or did not exist). */
    public String problem() {
        return problem;
    }

    /** The saved filters, once the file has been read. */
    public CompletableFuture<List<Saved>> all() {
        return loaded.thenApply(v -> snapshot());
    }

    /** Saves a filter under a name (replacing one of that name) and writes the file; answers the list after. */
    public CompletableFuture<List<Saved>> save(String name, ActivationFilter filter) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("A saved filter needs a name."));
        }
        Saved saved = new Saved(trimmed, filter);
        return change(list -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).name().equals(trimmed)) {
                    list.set(i, saved);
                    return;
                }
            }
            list.add(saved);
        });
    }

    /** Removes the filter of that name and writes the file; answers the list after. */
    public CompletableFuture<List<Saved>> delete(String name) {
        return change(list -> list.removeIf(s -> s.name().equals(name)));
    }

    private CompletableFuture<List<Saved>> change(Consumer<List<Saved>> edit) {
        return loaded.thenApplyAsync(v -> {
            synchronized (this) {
                edit.accept(filters);
                try {
                    write();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not save the filters to " + file + ": "
                            + Failures.messageOf(e), e);
                }
                return List.copyOf(filters);
            }
        }, io);
    }

    private synchronized List<Saved> snapshot() {
        return List.copyOf(filters);
    }

    private synchronized void read() {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.path("filters").isArray()) {
                throw new IOException("it does not hold a \"filters\" list");
            }
            for (JsonNode entry : root.get("filters")) {
                String name = entry.path("name").asText("").strip();
                if (!name.isEmpty() && entry.path("filter").isObject()) {
                    filters.add(new Saved(name, FilterJson.fromJson(entry.get("filter"))));
                }
            }
        } catch (NoSuchFileException none) {
            // nothing saved yet
        } catch (IOException | RuntimeException e) {
            unreadable = true;
            filters.clear();
            problem = "The saved filters in " + file + " could not be read (" + Failures.messageOf(e)
                    + "); it will be kept as " + file.getFileName() + ".unreadable when a filter is saved.";
        }
    }

    private void write() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (unreadable && Files.exists(file)) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
            unreadable = false;
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("filters");
        for (Saved s : filters) {
            ObjectNode entry = list.addObject();
            entry.put("name", s.name());
            entry.set("filter", FilterJson.toJson(s.filter()));
        }
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            AtomicReplace.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
