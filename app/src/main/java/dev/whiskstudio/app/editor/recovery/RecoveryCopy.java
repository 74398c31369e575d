package dev.whiskstudio.app.editor.recovery;

import java.nio.file.Path;
import java.time.Instant;

/** A copy of unsaved text found in the recovery folder: which file it belongs to, when it was written, where it is. */
public record RecoveryCopy(String id, Path original, Instant savedAt, Path textFile) {
}
