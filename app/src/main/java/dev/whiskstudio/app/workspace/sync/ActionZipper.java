package dev.whiskstudio.app.workspace.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips a folder action (its {@code package.json}, sources and {@code node_modules}) the way the platform takes it:
 * paths relative to the folder, {@code /}-separated. The same files give the same bytes (sorted entries, one fixed
 * time), so syncing an unchanged folder sends unchanged code. Version-control folders are left out.
 */
final class ActionZipper {
    /** The earliest time a zip entry can hold; any fixed time would do. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final List<String> LEFT_OUT = List.of(".git", ".svn", ".hg");

    private ActionZipper() {
    }

    static byte[] zip(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(f -> !leftOut(dir.relativize(f))).forEach(files::add);
        }
        files.sort((a, b) -> entryName(dir, a).compareTo(entryName(dir, b)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(entryName(dir, f));
                entry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(entry);
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static boolean leftOut(Path relative) {
        for (Path part : relative) {
            if (LEFT_OUT.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String entryName(Path dir, Path file) {
        StringBuilder name = new StringBuilder();
        for (Path part : dir.relativize(file)) {
            name.append(name.isEmpty() ? "" : "/").append(part);
        }
        return name.toString();
    }
}
