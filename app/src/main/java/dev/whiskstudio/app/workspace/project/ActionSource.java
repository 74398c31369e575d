package dev.whiskstudio.app.workspace.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an action's code is.
 *
 * @param kind       file, folder, zip or inline
 * @param path       the file, folder or zip; for inline code, the manifest
 * @param entryFile  the file the UI opens: the file itself, the folder's {@code package.json} main or
 *                   {@code index.js}, the manifest for inline code; null for a zip
 * @param inlineCode the code of an inline action, else null
 */
public record ActionSource(SourceKind kind, Path path, Path entryFile, String inlineCode) {

    public ActionSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    public static ActionSource file(Path file) {
        return new ActionSource(SourceKind.FILE, file, file, null);
    }

    public static ActionSource inline(String code, Path manifest) {
        return new ActionSource(SourceKind.INLINE, manifest, manifest, code);
    }

    /** A zip is binary: its code reaches the platform base64-encoded. */
    public boolean binary() {
        return kind == SourceKind.DIRECTORY || kind == SourceKind.ZIP;
    }

    @Override
    public String toString() {
        return "ActionSource[" + kind + " " + path + "]";
    }
}
