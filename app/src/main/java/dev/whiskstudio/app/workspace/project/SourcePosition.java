package dev.whiskstudio.app.workspace.project;

import java.nio.file.Path;

/**
 * Where something is written: a file and a 1-based line and column (0 when not known), for messages and for the
 * UI to open the manifest at an entity.
 */
public record SourcePosition(Path file, int line, int column) {

    public static SourcePosition of(Path file) {
        return new SourcePosition(file, 0, 0);
    }

    /** The folder relative paths in this file are resolved against. */
    public Path folder() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file.toString();
        }
        return file + " line " + line + (column > 0 ? ", column " + column : "");
    }
}
