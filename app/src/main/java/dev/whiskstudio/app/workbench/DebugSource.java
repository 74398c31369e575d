package dev.whiskstudio.app.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.debug.DebugTarget;
import dev.whiskstudio.app.debug.SourceMapping;
import dev.whiskstudio.app.workspace.project.ProjectAction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the user's code of a debugged action is and how it maps to what its container runs: a project file (one file
 * sent as inline code, or the entry of a folder sent zipped), or a copy of the target's code. It also says whether
 * the simulator's copy of a project action is older than the project's files, so that the project is synced before
 * the debugger stops in a file that no longer matches.
 *
 * @param file        the file to open and set breakpoints in; null when there is none (a prebuilt zip)
 * @param mappingFor  the mapping, given the container the session started
 * @param note        what the user should know (breakpoints that cannot map), or null
 */
record DebugSource(Path file, Function<DebugTarget, SourceMapping> mappingFor, String note) {

    /** A project action's own files. */
    static DebugSource ofProject(ProjectAction action) {
        var source = action.source();
        return switch (source.kind()) {
            case FILE -> new DebugSource(source.path(), t -> withSourceMap(source.path(),
                    SourceMapping.inlineAction(source.path(), t.scriptUrl())), null);
            case DIRECTORY -> new DebugSource(source.entryFile(), t -> withSourceMap(source.entryFile(),
                    SourceMapping.archiveUnder(source.path(), t.workDir())), null);
            case INLINE -> new DebugSource(null, t -> SourceMapping.none(),
                    "The code of " + action.qualifiedName() + " is written inline in the manifest: the debugger shows "
                            + "the container's copy of it, and breakpoints set in the manifest do not apply.");
            case ZIP -> new DebugSource(null, t -> SourceMapping.none(),
                    action.qualifiedName() + " is a prebuilt zip: its files are not in the project, so breakpoints "
                            + "cannot be set in them; use Pause, or a debugger statement in the code.");
        };
    }

    /** A copy of the target's code of a single-file action (fetched into the app's folder). */
    static DebugSource ofCopy(Path copy) {
        return new DebugSource(copy, t -> withSourceMap(copy, SourceMapping.inlineAction(copy, t.scriptUrl())), null);
    }

    /** A zip action that is no project's: its files are only in the container. */
    static DebugSource ofZipCopy(String qualifiedName) {
        return new DebugSource(null, t -> SourceMapping.none(), qualifiedName + " is a zip action that is not in the "
                + "open project: its files are not here, so breakpoints cannot be set; use Pause, or a debugger statement "
                + "in its code.");
    }

    /** A bundle that names a source map is mapped through it to its sources; without a readable map, as it is. */
    private static SourceMapping withSourceMap(Path file, SourceMapping plain) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains("sourceMappingURL=")) {
                return plain;
            }
            return SourceMapping.sourceMapped(file, plain).orElse(plain);
        } catch (IOException | RuntimeException e) {
            return plain;
        }
    }

    /**
     * Whether the simulator's action (its entity, or null when it has none) is older than the project's files: for a
     * single file, its code differs; for a folder, a zip or inline code, a file changed after the entity's update.
     */
    static boolean stale(ProjectAction action, JsonNode entity) throws IOException {
        if (entity == null) {
            return true;
        }
        var source = action.source();
        JsonNode exec = entity.path("exec");
        switch (source.kind()) {
            case FILE -> {
                return exec.path("binary").asBoolean(false)
                        || !Files.readString(source.path(), StandardCharsets.UTF_8).equals(exec.path("code").asText());
            }
            case INLINE -> {
                return !source.inlineCode().equals(exec.path("code").asText());
            }
            default -> {
                long updated = entity.path("updated").asLong(0);
                return newestChange(source.path()) > updated;
            }
        }
    }

    private static boolean underVersionControl(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals(".git") || name.equals(".svn") || name.equals(".hg")) {
                return true;
            }
        }
        return false;
    }

    /** The newest modification time (ms) of a file or of anything in a folder. */
    private static long newestChange(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.getLastModifiedTime(path).toMillis();
        }
        try (Stream<Path> all = Files.walk(path)) {
            // what the zip leaves out does not make the action older
            return all.filter(Files::isRegularFile).filter(p -> !underVersionControl(path.relativize(p)))
                    .mapToLong(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    return Long.MAX_VALUE;
                }
            }).max().orElse(0);
        }
    }
}
