package dev.whiskstudio.app.editor.recovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryStoreTest {
    @TempDir
    Path temp;

    @Test
    void aCopyLeftByAnEarlierRunIsPendingForTheNextOne() throws Exception {
        Path dir = temp.resolve("recovery");
        Path file = temp.resolve("src/action.js");
        Instant when = Instant.parse("2025-03-01T10:15:30Z");
        RecoveryStore crashedRun = new RecoveryStore(dir, Clock.fixed(when, ZoneOffset.UTC));
        crashedRun.write(file, "unsaved ünïcode\ntext");
        // the run that wrote it does not offer its own copies back
        assertEquals(List.of(), crashedRun.pending());

        RecoveryStore nextRun = new RecoveryStore(dir);
        List<RecoveryCopy> pending = nextRun.pending();
        assertEquals(1, pending.size());
        RecoveryCopy copy = pending.get(0);
        assertEquals(file.toAbsolutePath(), copy.original());
        assertEquals(when, copy.savedAt());
        assertEquals("unsaved ünïcode\ntext", nextRun.readText(copy));

        nextRun.adopt(copy);
        assertEquals(List.of(), nextRun.pending());
        nextRun.delete(file);
        assertFalse(nextRun.hasCopy(file));
        assertEquals(List.of(), new RecoveryStore(dir).pending());
    }

    @Test
    void aNewerCopyReplacesTheOlderAndDamagedEntriesAreSkipped() throws Exception {
        Path dir = temp.resolve("recovery");
        Path file = temp.resolve("a.js");
        RecoveryStore store = new RecoveryStore(dir);
        store.write(file, "one");
        store.write(file, "two");
        Files.writeString(dir.resolve("garbage.properties"), "no path here");
        Files.writeString(dir.resolve("garbage.txt"), "x");
        try (var files = Files.list(dir)) {
            assertEquals(4, files.count(), "one copy (text + meta) and the damaged entry; no temporary files left");
        }
        List<RecoveryCopy> pending = new RecoveryStore(dir).pending();
        assertEquals(1, pending.size());
        assertEquals("two", new RecoveryStore(dir).readText(pending.get(0)));
        assertTrue(store.hasCopy(file));
    }

    @Test
    void noFolderMeansNothingPending() throws Exception {
        assertEquals(List.of(), new RecoveryStore(temp.resolve("never-created")).pending());
    }
}
