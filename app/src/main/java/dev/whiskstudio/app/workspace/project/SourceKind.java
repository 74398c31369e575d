package dev.whiskstudio.app.workspace.project;

/** What an action's code is made of. */
public enum SourceKind {
    /** One source file, sent as the action's code. */
    FILE,
    /** A folder with {@code package.json} (or {@code index.js}) and its {@code node_modules}, sent zipped. */
    DIRECTORY,
    /** A ready {@code .zip} file, sent as it is. */
    ZIP,
    /** Code written in the manifest itself ({@code code:}). */
    INLINE
}
