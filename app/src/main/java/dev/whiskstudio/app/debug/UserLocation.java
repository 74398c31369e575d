package dev.whiskstudio.app.debug;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in one of the user's files: {@code line} and {@code column} count from 1, as an editor shows them.
 * {@code file} is absolute and normalized.
 */
public record UserLocation(Path file, int line, int column) {
    public UserLocation {
        Objects.requireNonNull(file, "file");
        file = file.toAbsolutePath().normalize();
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("lines and columns count from 1: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return file.getFileName() + ":" + line + ":" + column;
    }
}
