package dev.whiskstudio.app.editor.recovery;

import dev.whiskstudio.app.io.AtomicReplace;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recovery folder. Each file with unsaved edits has one copy there: {@code ID.txt} (the text, UTF-8) and
 * {@code ID.properties} (the original path and the time), where ID comes from the original path, so a newer copy
 * replaces the older one. Both are written to a temporary file first and moved into place, so a crash while
 * writing leaves the previous copy whole. A copy is deleted when its file is saved or closed without changes; those
 * still there at the next start are what {@link #pending()} lists. Blocking I/O: not for the FX thread.
 */
public final class RecoveryStore {
    private static final String TEXT = ".txt";
    private static final String META = ".properties";

    private final Path directory;
    private final Clock clock;
    /** Copies this instance wrote or took over: they belong to this run, not to an earlier one. */
    private final Set<String> ours = ConcurrentHashMap.newKeySet();

    public RecoveryStore(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public RecoveryStore(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath();
        this.clock = clock;
    }

    /** The store in {@code ~/.whisk-studio/recovery}. */
    public static RecoveryStore atDefaultLocation() {
        return new RecoveryStore(Path.of(System.getProperty("user.home"), ".whisk-studio", "recovery"));
    }

    public Path directory() {
        return directory;
    }

    /** Writes (or replaces) the copy of {@code original}'s unsaved text. */
    public void write(Path original, String text) throws IOException {
        Files.createDirectories(directory);
        String id = idOf(original);
        ours.add(id);
        writeAtomically(directory.resolve(id + TEXT), text);
        Properties meta = new Properties();
        meta.setProperty("path", normalize(original).toString());
        meta.setProperty("savedAt", clock.instant().toString());
        StringWriter out = new StringWriter();
        meta.store(out, "Whisk Studio recovery copy");
        writeAtomically(directory.resolve(id + META), out.toString());
    }

    /** Deletes the copy of {@code original}, if there is one. */
    public void delete(Path original) throws IOException {
        String id = idOf(original);
        Files.deleteIfExists(directory.resolve(id + META));
        Files.deleteIfExists(directory.resolve(id + TEXT));
    }

    /** Deletes a copy found by {@link #pending()} (the user chose not to restore it). */
    public void discard(RecoveryCopy copy) throws IOException {
        Files.deleteIfExists(directory.resolve(copy.id() + META));
        Files.deleteIfExists(copy.textFile());
    }

    /** Whether there is a copy for {@code original} now. */
    public boolean hasCopy(Path original) {
        String id = idOf(original);
        return Files.exists(directory.resolve(id + META)) && Files.exists(directory.resolve(id + TEXT));
    }

    /**
     * The copies an earlier run left behind, newest first: the ones this instance did not write. An unreadable or
     * half-written entry is skipped, not fatal.
     */
    public List<RecoveryCopy> pending() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<RecoveryCopy> copies = new ArrayList<>();
        try (DirectoryStream<Path> metas = Files.newDirectoryStream(directory, "*" + META)) {
            for (Path meta : metas) {
                String name = meta.getFileName().toString();
                String id = name.substring(0, name.length() - META.length());
                Path text = directory.resolve(id + TEXT);
                if (ours.contains(id) || !Files.isRegularFile(text)) {
                    continue;
                }
                readMeta(meta).ifPresent(p -> copies.add(new RecoveryCopy(id, p.original(), p.savedAt(), text)));
            }
        }
        copies.sort(Comparator.comparing(RecoveryCopy::savedAt).reversed());
        return copies;
    }

    /** The text of a copy. */
    public String readText(RecoveryCopy copy) throws IOException {
        return Files.readString(copy.textFile(), StandardCharsets.UTF_8);
    }

    /** Marks a pending copy as this run's (it was restored into a tab): it is no longer listed as pending. */
    public void adopt(RecoveryCopy copy) {
        ours.add(copy.id());
    }

    private record Meta(Path original, Instant savedAt) {
    }

    private static Optional<Meta> readMeta(Path file) {
        Properties meta = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            meta.load(in);
            String path = meta.getProperty("path");
            String savedAt = meta.getProperty("savedAt");
            if (path == null || savedAt == null) {
                return Optional.empty();
            }
            return Optional.of(new Meta(Path.of(path), Instant.parse(savedAt)));
        } catch (IOException | RuntimeException e) {
            // a damaged entry: skip it rather than hide every other copy
            return Optional.empty();
        }
    }

    static String idOf(Path original) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalize(original).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Path normalize(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private void writeAtomically(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(directory, ".write-", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(content);
            }
            AtomicReplace.move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
