package dev.whiskstudio.plugin.nodejs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts the proxy's files on disk once per content, under {@code cacheRoot/<digest>/}. The directory is filled
 * under a temporary name and then renamed atomically, so a directory that exists is complete, and two simulators
 * installing at once both end up using one identical copy.
 */
public final class ProxyInstaller {
    private final Path cacheRoot;

    public ProxyInstaller(Path cacheRoot) {
        this.cacheRoot = cacheRoot.toAbsolutePath();
    }

    /** The directory holding the scripts, installing them first if no complete copy is there yet. */
    public Path install(ProxyScripts scripts) throws IOException {
        Path target = cacheRoot.resolve(scripts.digest());
        if (isComplete(target)) {
            return target;
        }
        Files.createDirectories(cacheRoot);
        Path staging = Files.createTempDirectory(cacheRoot, ".staging-");
        try {
            for (Map.Entry<String, byte[]> file : scripts.files().entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another process renamed its own copy into place first; the content is the same by its name.
                if (!isComplete(target)) {
                    throw raced;
                }
            }
            return target;
        } finally {
            deleteTree(staging);
        }
    }

    private static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(ProxyScripts.ENTRY));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
