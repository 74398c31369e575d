package dev.whiskstudio.app.debug;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the user's files relate to the scripts the debugged process runs, both ways: a breakpoint on a user line goes
 * to a script location, and a paused location comes back to a user line. Implementations are immutable values,
 * safe on any thread; {@link #toUser} may look at the file system (to answer only for files that exist).
 *
 * <p>The kinds an action has: {@link #inlineAction} (one file sent as the action's code, compiled by the proxy under
 * one file name), {@link #archive} and {@link #archiveUnder} (a zip of a folder, unpacked in the container),
 * {@link #sourceMapped} (a bundle with a source map, over either of the others), and {@link #script} for a file Node.js
 * runs as it is.
 */
public interface SourceMapping {

    /** Where {@code line} (from 1) of {@code file} runs; empty when the file is not part of the debugged code. */
    Optional<ScriptLocation> toScript(Path file, int line);

    /**
     * The user's file and line for a location in a script ({@code line} and {@code column} from 0); empty when the
     * script is none of the user's (the runtime's own files, Node.js's modules).
     */
    Optional<UserLocation> toUser(String scriptUrl, int line, int column);

    /** Maps nothing: every location is shown as the script's own. */
    static SourceMapping none() {
        return NoMapping.INSTANCE;
    }

    /**
     * An inline action: {@code file} is the action's code, which the proxy compiles as the script {@code scriptUrl}
     * (the URL the backend reported); line N of the file is line N-1 of the script. When the URL is not known
     * (null), any script whose URL ends in {@code /action.js} is taken for it.
     */
    static SourceMapping inlineAction(Path file, String scriptUrl) {
        return new InlineMapping(file, scriptUrl);
    }

    /** A file that Node.js runs as it is ({@code node file.js}): the script is the file's own URL. */
    static SourceMapping script(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new InlineMapping(absolute, FileUrls.of(absolute.toString()));
    }

    /**
     * A zip action whose archive holds {@code root}'s files, unpacked in the container so that each file's URL is
     * {@code urlPrefix} followed by its path relative to {@code root} (the prefix ends with a slash).
     */
    static SourceMapping archive(Path root, String urlPrefix) {
        return ArchiveMapping.withPrefix(root, urlPrefix);
    }

    /**
     * A zip action unpacked, as our proxy does, in a fresh {@code action-XXXXXX} directory under the container's
     * {@code workDir}: scripts are matched by a regular expression, since the directory's name is random. Node.js
     * names required files by their real path, so {@code workDir} must have no symbolic link in it.
     */
    static SourceMapping archiveUnder(Path root, String workDir) {
        return ArchiveMapping.underWorkDir(root, workDir);
    }

    /**
     * A bundle built with a source map ({@code //# sourceMappingURL=} as an inline {@code data:} URL or a file beside
     * the bundle, or a {@code bundle.js.map} beside it): lines of the original sources map through it to the bundle,
     * and the bundle to the script through {@code bundleMapping}. Sources named with a scheme
     * ({@code webpack://app/./src/x.js}) are looked for under the bundle's folder.
     *
     * @throws IOException when the bundle or its map cannot be read or the map is not a version 3 source map
     */
    static SourceMapping sourceMapped(Path bundle, SourceMapping bundleMapping) throws IOException {
        return SourceMappedBundle.load(bundle, bundleMapping, null);
    }

    /** The same, with sources named with a scheme looked for under {@code sourceBase} (the bundler's context). */
    static SourceMapping sourceMapped(Path bundle, SourceMapping bundleMapping, Path sourceBase) throws IOException {
        return SourceMappedBundle.load(bundle, bundleMapping, sourceBase);
    }

    /** This mapping, and {@code other} where this one has no answer. */
    default SourceMapping orElse(SourceMapping other) {
        SourceMapping first = this;
        return new SourceMapping() {
            @Override
            public Optional<ScriptLocation> toScript(Path file, int line) {
                Optional<ScriptLocation> found = first.toScript(file, line);
                return found.isPresent() ? found : other.toScript(file, line);
            }

            @Override
            public Optional<UserLocation> toUser(String scriptUrl, int line, int column) {
                Optional<UserLocation> found = first.toUser(scriptUrl, line, column);
                return found.isPresent() ? found : other.toUser(scriptUrl, line, column);
            }
        };
    }
}
