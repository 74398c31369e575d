package dev.whiskstudio.app.editor.tabs;

import dev.whiskstudio.app.editor.FxEditorSupport;
import dev.whiskstudio.app.editor.recovery.RecoveryCopy;
import dev.whiskstudio.app.editor.recovery.RecoveryStore;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.whiskstudio.app.editor.FxEditorSupport.onFx;
import static dev.whiskstudio.app.editor.FxEditorSupport.runFx;
import static dev.whiskstudio.app.editor.FxEditorSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tabs on real files in a temporary folder, in a real window (headless Monocle). */
class EditorTabsTest {
    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private final Deque<CloseChoice> answers = new ArrayDeque<>();
    private final List<String> asked = new java.util.ArrayList<>();
    private EditorTabs tabs;
    private Path recoveryDir;

    @BeforeEach
    void showTabs() throws Exception {
        recoveryDir = temp.resolve("recovery");
        EditorSettings settings = new EditorSettings(new RecoveryStore(recoveryDir), Duration.ofMillis(200),
                Duration.ofMillis(200), document -> {
                    asked.add(document.fileName());
                    return answers.removeFirst();
                });
        FxEditorSupport.show(() -> {
            tabs = new EditorTabs(settings);
            return tabs;
        });
    }

    @AfterEach
    void closeTabs() throws Exception {
        runFx(tabs::dispose);
        FxToolkit.cleanupStages();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text);
    }

    private EditorDocument open(Path path) throws Exception {
        CompletableFuture<EditorDocument> opened = onFx(() -> tabs.open(path));
        EditorDocument document = opened.get(FxEditorSupport.WAIT_SECONDS, TimeUnit.SECONDS);
        runFx(() -> document.editor().area().requestFocus());
        return document;
    }

    private void typeAtEnd(EditorDocument document, String text) throws Exception {
        runFx(() -> {
            document.editor().area().requestFocus();
            document.editor().area().moveTo(document.editor().area().getLength());
        });
        robot.write(text);
    }

    @Test
    void typingMarksTheTabDirtyAndSavingWritesTheFile() throws Exception {
        Path path = file("action.js", "function main() {}\n");
        EditorDocument document = open(path);
        Tab tab = onFx(() -> tabs.getSelectionModel().getSelectedItem());
        assertEquals("action.js", onFx(tab::getText));

        typeAtEnd(document, "// more");
        waitUntil(document::isDirty);
        assertEquals("action.js \u2022", onFx(tab::getText));
        assertEquals(List.of(document), onFx(tabs::dirtyDocuments));

        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> !document.isDirty());
        assertEquals("action.js", onFx(tab::getText));
        assertEquals("function main() {}\n// more", Files.readString(path));
    }

    @Test
    void undoingBackToTheSavedTextClearsTheDirtyMark() throws Exception {
        EditorDocument document = open(file("a.js", "let a = 1;"));
        typeAtEnd(document, "xyz");
        waitUntil(document::isDirty);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> !document.isDirty());
        assertEquals("let a = 1;", onFx(document::text));

        // typed and erased by hand: the same text as saved is clean too
        typeAtEnd(document, "q");
        waitUntil(document::isDirty);
        robot.push(KeyCode.BACK_SPACE);
        waitUntil(() -> !document.isDirty());

        // saved, then edited and undone back to the new saved text
        typeAtEnd(document, "2");
        onFx(tabs::save).get(FxEditorSupport.WAIT_SECONDS, TimeUnit.SECONDS);
        assertFalse(onFx(document::isDirty));
        typeAtEnd(document, "3");
        waitUntil(document::isDirty);
        runFx(() -> document.editor().undo());
        waitUntil(() -> !document.isDirty());
        assertEquals("let a = 1;2", Files.readString(document.path()));
    }

    @Test
    void openingAnOpenFileSelectsItsTab() throws Exception {
        Path a = file("a.js", "a");
        Path b = file("b.js", "b");
        EditorDocument first = open(a);
        open(b);
        assertSame(first, open(temp.resolve("./a.js")));
        assertEquals(2, onFx(() -> tabs.getTabs().size()));
        assertSame(first, onFx(() -> tabs.currentDocument().orElseThrow()));
    }

    @Test
    void closingADirtyTabAsksAndTheAnswerDecides() throws Exception {
        Path path = file("c.js", "original");
        EditorDocument document = open(path);
        typeAtEnd(document, " edited");
        waitUntil(document::isDirty);

        answers.add(CloseChoice.CANCEL);
        assertFalse(onFx(() -> tabs.close(document)).get(5, TimeUnit.SECONDS));
        assertEquals(1, onFx(() -> tabs.getTabs().size()));

        answers.add(CloseChoice.SAVE);
        assertTrue(onFx(() -> tabs.close(document)).get(5, TimeUnit.SECONDS));
        assertEquals(0, onFx(() -> tabs.getTabs().size()));
        assertEquals("original edited", Files.readString(path));

        EditorDocument again = open(path);
        typeAtEnd(again, " more");
        waitUntil(again::isDirty);
        answers.add(CloseChoice.DISCARD);
        assertTrue(onFx(() -> tabs.closeAll()).get(5, TimeUnit.SECONDS));
        assertEquals("original edited", Files.readString(path));
        assertEquals(List.of("c.js", "c.js", "c.js"), asked);

        EditorDocument clean = open(path);
        assertTrue(onFx(() -> tabs.close(clean)).get(5, TimeUnit.SECONDS));
        assertEquals(3, asked.size(), "a clean tab closes without asking");
    }

    @Test
    void aFileChangedOnDiskReloadsACleanTab() throws Exception {
        Path path = file("d.js", "let v = 1;\nlet w = 2;\n");
        EditorDocument document = open(path);
        runFx(() -> document.breakpoints().add(2));
        Files.writeString(path, "// added by another program\nlet v = 1;\nlet w = 2;\n");
        waitUntil(() -> document.text().startsWith("// added"));
        assertFalse(onFx(document::isDirty));
        assertEquals("disk-reloaded", onFx(() -> document.diskNotice().getId()));
        assertEquals(java.util.Set.of(3), onFx(() -> java.util.Set.copyOf(document.breakpoints().lines())),
                "a reload replaces only what changed, so the breakpoint stays on its line");
    }

    @Test
    void aFileChangedOnDiskUnderUnsavedEditsAsksAndLosesNothing() throws Exception {
        Path path = file("e.js", "base");
        EditorDocument document = open(path);
        typeAtEnd(document, " mine");
        waitUntil(document::isDirty);

        Files.writeString(path, "theirs, version 2");
        waitUntil(() -> document.diskNotice() != null && "disk-changed".equals(document.diskNotice().getId()));
        assertEquals("base mine", onFx(document::text));
        assertTrue(onFx(document::isDirty));

        robot.clickOn("#disk-keep");
        waitUntil(() -> document.diskNotice() == null);
        assertEquals("base mine", onFx(document::text));
        assertTrue(onFx(document::isDirty));

        Files.writeString(path, "theirs, version three");
        waitUntil(() -> document.diskNotice() != null && "disk-changed".equals(document.diskNotice().getId()));
        robot.clickOn("#disk-reload");
        waitUntil(() -> document.text().equals("theirs, version three") && !document.isDirty());
        // undo still has the edits
        runFx(() -> document.editor().undo());
        assertEquals("base mine", onFx(document::text));
    }

    @Test
    void aFileDeletedOnDiskKeepsItsTextUntilSavedAgain() throws Exception {
        Path path = file("f.js", "keep me");
        EditorDocument document = open(path);
        Files.delete(path);
        waitUntil(() -> document.diskNotice() != null && "disk-deleted".equals(document.diskNotice().getId()));
        assertTrue(onFx(() -> document.diskNotice().message().contains("was deleted on disk")));
        assertEquals("keep me", onFx(document::text));
        assertTrue(onFx(document::isDirty), "closing it now must ask");

        onFx(tabs::save).get(FxEditorSupport.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("keep me", Files.readString(path));
        assertFalse(onFx(document::isDirty));
        assertEquals(null, onFx(document::diskNotice));
    }

    @Test
    void aRecoveryCopyIsKeptWhileDirtyAndGoesAfterSaving() throws Exception {
        Path path = file("g.js", "saved");
        EditorDocument document = open(path);
        typeAtEnd(document, " unsaved");
        waitUntil(document::isDirty);

        // what the next start of the app would find after a crash now
        waitUntil(() -> copyText(path).equals("saved unsaved"));
        typeAtEnd(document, "!");
        waitUntil(() -> copyText(path).equals("saved unsaved!"));

        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> !document.isDirty());
        waitUntil(() -> new RecoveryStore(recoveryDir).pending().isEmpty());
        assertFalse(new RecoveryStore(recoveryDir).hasCopy(path));
    }

    @Test
    void aRecoveredCopyOpensDirtyWithTheFilesTextUnderIt() throws Exception {
        Path path = file("h.js", "on disk");
        Path gone = temp.resolve("gone.js");
        new RecoveryStore(recoveryDir).write(path, "on disk, and recovered");
        new RecoveryStore(recoveryDir).write(gone, "only in the copy");

        RecoveryStore store = tabs.recoveryStore();
        List<RecoveryCopy> pending = store.pending();
        assertEquals(2, pending.size());
        for (RecoveryCopy copy : pending) {
            onFx(() -> tabs.restore(copy)).get(FxEditorSupport.WAIT_SECONDS, TimeUnit.SECONDS);
        }
        EditorDocument restored = onFx(() -> tabs.document(path).orElseThrow());
        assertEquals("on disk, and recovered", onFx(restored::text));
        assertTrue(onFx(restored::isDirty));
        assertEquals("h.js \u2022", onFx(restored::getTitle));
        runFx(() -> restored.editor().undo());
        assertEquals("on disk", onFx(restored::text));

        EditorDocument orphan = onFx(() -> tabs.document(gone).orElseThrow());
        assertEquals("only in the copy", onFx(orphan::text));
        assertTrue(onFx(orphan::isDirty));
        assertTrue(store.pending().isEmpty(), "restored copies are this run's now");

        onFx(() -> tabs.save(orphan)).get(FxEditorSupport.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("only in the copy", Files.readString(gone));
        waitUntil(() -> !new RecoveryStore(recoveryDir).hasCopy(gone));
    }

    @Test
    void aFileThatCannotBeOpenedSaysWhy() throws Exception {
        Path binary = Files.write(temp.resolve("image.js"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1});
        CompletableFuture<EditorDocument> opened = onFx(() -> tabs.open(binary));
        ExecutionException error = assertThrows(ExecutionException.class, () -> opened.get(5, TimeUnit.SECONDS));
        assertInstanceOf(EditorException.class, error.getCause());
        assertEquals("Cannot open " + binary + ": it is not UTF-8 text.", error.getCause().getMessage());
        assertEquals(0, onFx(() -> tabs.getTabs().size()));
    }

    @Test
    void theCaretPositionFollowsTheCurrentTab() throws Exception {
        EditorDocument a = open(file("a.js", "one\ntwo"));
        runFx(() -> a.editor().moveCaretTo(2, 3));
        assertEquals("Ln 2, Col 3", onFx(() -> tabs.caretPositionProperty().get().toString()));
        open(file("b.js", "x"));
        assertEquals("Ln 1, Col 1", onFx(() -> tabs.caretPositionProperty().get().toString()));
        onFx(() -> tabs.openAt(a.path(), 2)).get(FxEditorSupport.WAIT_SECONDS, TimeUnit.SECONDS);
        assertSame(a, onFx(() -> tabs.currentDocument().orElseThrow()));
        assertEquals("Ln 2, Col 1", onFx(() -> tabs.caretPositionProperty().get().toString()));
        runFx(() -> tabs.getSelectionModel().clearSelection());
        assertEquals(null, onFx(() -> tabs.caretPositionProperty().get()));
    }

    private String copyText(Path original) throws Exception {
        RecoveryStore nextRun = new RecoveryStore(recoveryDir);
        for (RecoveryCopy copy : nextRun.pending()) {
            if (copy.original().equals(original.toAbsolutePath())) {
                return nextRun.readText(copy);
            }
        }
        return "";
    }
}
