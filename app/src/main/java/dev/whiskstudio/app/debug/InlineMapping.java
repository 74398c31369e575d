package dev.whiskstudio.app.debug;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** One user file that is one script, line for line: see {@link SourceMapping#inlineAction}. */
final class InlineMapping implements SourceMapping {
    /** Our proxy compiles inline code under {@code <workDir>/action.js}. */
    static final String ANY_ACTION_SCRIPT = "^file://.*/action\\.js$";

    private final Path file;
    private final String scriptUrl;

    InlineMapping(Path file, String scriptUrl) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.scriptUrl = scriptUrl == null || scriptUrl.isBlank() ? null : scriptUrl;
    }

    @Override
    public Optional<ScriptLocation> toScript(Path userFile, int line) {
        if (line < 1 || !file.equals(userFile.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        return Optional.of(scriptUrl != null
                ? ScriptLocation.atUrl(scriptUrl, line - 1, 0)
                : ScriptLocation.matching(ANY_ACTION_SCRIPT, line - 1, 0));
    }

    @Override
    public Optional<UserLocation> toUser(String url, int line, int column) {
        boolean ours = scriptUrl != null ? scriptUrl.equals(url)
                : url != null && url.startsWith("file://") && url.endsWith("/action.js");
        return ours ? Optional.of(new UserLocation(file, line + 1, column + 1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "inline " + file + " -> " + (scriptUrl == null ? ANY_ACTION_SCRIPT : scriptUrl);
    }
}
