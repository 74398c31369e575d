package dev.whiskstudio.app.editor.tabs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What a file looks like on disk, cheaply: whether it exists, its modification time, size and file key (inode, so
 * a file replaced by another program's atomic save is noticed even with the same time and size).
 */
public record DiskStamp(boolean exists, long modifiedNanos, long size, Object fileKey) {
    public static final DiskStamp MISSING = new DiskStamp(false, 0, 0, null);

    /** Reads the stamp; {@code null} if the file cannot be looked at now (not the same as missing). */
    public static DiskStamp of(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new DiskStamp(true, attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.size(),
                    attributes.fileKey());
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            return null;
        }
    }

    public boolean sameAs(DiskStamp other) {
        return other != null && exists == other.exists && modifiedNanos == other.modifiedNanos && size == other.size
                && Objects.equals(fileKey, other.fileKey);
    }
}
