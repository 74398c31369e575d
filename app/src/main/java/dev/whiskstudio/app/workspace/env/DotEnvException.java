package dev.whiskstudio.app.workspace.env;

import java.io.IOException;

/**
 * A line of a {@code .env}-style file that is not {@code KEY=VALUE}. The message names the file and the line
 * but never repeats the line's value, which may be a secret.
 */
public class DotEnvException extends IOException {
    private final String source;
    private final int line;
    private final String problem;

    public DotEnvException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The file as named in the message. */
    public String source() {
        return source;
    }

    /** 1-based. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
