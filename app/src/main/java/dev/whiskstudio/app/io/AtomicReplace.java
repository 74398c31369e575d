package dev.whiskstudio.app.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a fully written temporary file in the place of its target in one step, so a crash or a reader never sees
 * half a file. The temporary file must be in the target's folder (a rename does not cross file systems).
 */
public final class AtomicReplace {
    private AtomicReplace() {
    }

    /** Moves {@code written} over {@code target}; where the file system cannot rename atomically, a plain replace. */
    public static void move(Path written, Path target) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
