package dev.whiskstudio.app.debug;

import java.nio.file.Path;
import java.util.Optional;

/** No user files: see {@link SourceMapping#none()}. */
final class NoMapping implements SourceMapping {
    static final NoMapping INSTANCE = new NoMapping();

    private NoMapping() {
    }

    @Override
    public Optional<ScriptLocation> toScript(Path file, int line) {
        return Optional.empty();
    }

    @Override
    public Optional<UserLocation> toUser(String scriptUrl, int line, int column) {
        return Optional.empty();
    }
}
