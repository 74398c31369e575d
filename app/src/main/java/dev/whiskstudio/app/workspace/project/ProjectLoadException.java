package dev.whiskstudio.app.workspace.project;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A project that cannot be loaded, and where: the file, and the line and column where they are known (0
 * otherwise). The message reads {@code /path/manifest.yml line 12, column 9: <problem>}.
 */
public class ProjectLoadException extends IOException {
    private final transient SourcePosition position;
    private final String problem;

    public ProjectLoadException(SourcePosition position, String problem) {
        super(position + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    public ProjectLoadException(Path file, String problem) {
        this(SourcePosition.of(file), problem);
    }

    public SourcePosition position() {
        return position;
    }

    public Path file() {
        return position.file();
    }

    /** 1-based; 0 when not known. */
    public int line() {
        return position.line();
    }

    /** 1-based; 0 when not known. */
    public int column() {
        return position.column();
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }
}
