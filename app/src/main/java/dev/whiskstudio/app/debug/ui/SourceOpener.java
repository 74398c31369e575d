package dev.whiskstudio.app.debug.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a user file in the editor with a line in view ({@code EditorTabs::openAt} fits, or the workbench's own that
 * also brings the editor forward). The future completes on the FX thread once the file's tab is open; a failure
 * (the file is gone) is left to the opener to report.
 */
@FunctionalInterface
public interface SourceOpener {
    CompletableFuture<?> openAt(Path file, int line);
}
