package dev.whiskstudio.app.editor.tabs;

import dev.whiskstudio.app.editor.CodeEditor;
import dev.whiskstudio.app.editor.NoticeBar;
import dev.whiskstudio.app.editor.gutter.BreakpointModel;
import dev.whiskstudio.app.editor.highlight.Language;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.fxmisc.undo.UndoManager;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open file: its editor, the text last saved (or loaded), whether the editor differs from it (dirty: a
 * {@code •} in the title), saving, and what happens when the file changes on disk: a clean document reloads, a dirty
 * one asks (reload and lose the edits, or keep them), a deleted one keeps its text and says so. Nothing the user typed
 * is thrown away without the user choosing it. FX thread only, except the fields the disk watcher reads.
 */
public final class EditorDocument {
    public static final String DIRTY_MARK = " \u2022";

    private final Path path;
    private final CodeEditor editor;
    private final Executor io;
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper missingOnDisk = new ReadOnlyBooleanWrapper(this, "missingOnDisk");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    /** Saves and reloads in flight: the disk watcher looks away meanwhile, our own write is not a change. */
    private final AtomicInteger diskBusy = new AtomicInteger();
    /** The disk state this document last reacted to; the watcher reports anything else. */
    private volatile DiskStamp observedStamp;
    private FileText saved;
    private long editCount;
    private NoticeBar diskNotice;
    private NoticeBar saveProblem;

    EditorDocument(Path path, FileText loaded, DiskStamp stamp, Executor io) {
        this.path = path;
        this.io = io;
        this.saved = loaded;
        this.observedStamp = stamp;
        this.editor = new CodeEditor(Language.forFile(path));
        editor.setId("editor-" + fileName().replaceAll("[^A-Za-z0-9_-]", "-"));
        editor.loadText(loaded.text());
        missingOnDisk.set(stamp != null && !stamp.exists());
        editor.area().multiPlainChanges().subscribe(list -> {
            if (!list.isEmpty()) {
                editCount++;
                updateDirty();
            }
        });
        undoManager().atMarkedPositionProperty().addListener(obs -> updateDirty());
        updateDirty();
    }

    public Path path() {
        return path;
    }

    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    public CodeEditor editor() {
        return editor;
    }

    public BreakpointModel breakpoints() {
        return editor.breakpoints();
    }

    /** The editor's text now. */
    public String text() {
        return editor.getText();
    }

    /** The text as last saved or loaded. */
    public String savedText() {
        return saved.text();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The file name, with {@value #DIRTY_MARK} after it while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String getTitle() {
        return title.get();
    }

    /** Whether the file was deleted on disk while open (the text is kept; saving writes it again). */
    public ReadOnlyBooleanProperty missingOnDiskProperty() {
        return missingOnDisk.getReadOnlyProperty();
    }

    /** The notice about the file on disk shown now (changed, reloaded, deleted), if any. */
    public NoticeBar diskNotice() {
        return diskNotice;
    }

    /** Text changes so far; the recovery writer copies the text when this moved. */
    long editCount() {
        return editCount;
    }

    DiskStamp observedStamp() {
        return observedStamp;
    }

    boolean isDiskBusy() {
        return diskBusy.get() > 0;
    }

    @SuppressWarnings("unchecked")
    private UndoManager<Object> undoManager() {
        return (UndoManager<Object>) editor.undoManager();
    }

    // ---- save ----

    /**
     * Saves the text as it is now, on the I/O thread. The future completes on the FX thread; if the save fails, a
     * notice says why, the text stays dirty and the future fails with {@link EditorException}.
     */
    public CompletableFuture<Void> save() {
        String text = editor.getText();
        UndoManager.UndoPosition position = undoManager().getCurrentPosition();
        // typing after this point must be a new undo step, or undoing it would skip past the saved text
        undoManager().preventMerge();
        FileText content = new FileText(text, saved.lineEnding(), saved.byteOrderMark());
        diskBusy.incrementAndGet();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                TextFiles.write(path, content);
                return DiskStamp.of(path);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io).whenCompleteAsync((stamp, error) -> {
            diskBusy.decrementAndGet();
            if (error != null) {
                String message = TextFiles.describe("Could not save", path, error);
                showSaveProblem(message);
                done.completeExceptionally(new EditorException(message, error));
                return;
            }
            observedStamp = stamp;
            saved = content;
            position.mark();
            missingOnDisk.set(false);
            clearNotices();
            updateDirty();
            done.complete(null);
        }, Platform::runLater);
        return done;
    }

    // ---- the file on disk ----

    /** The watcher saw the file differ from {@link #observedStamp()}. */
    void diskChanged(DiskStamp now) {
        if (isDiskBusy() || now.sameAs(observedStamp)) {
            return;
        }
        observedStamp = now;
        if (!now.exists()) {
            missingOnDisk.set(true);
            updateDirty();
            showDiskNotice(new NoticeBar("disk-deleted", NoticeBar.Kind.WARNING, fileName()
                    + " was deleted on disk. Your text is kept here: save to write the file again."));
            return;
        }
        missingOnDisk.set(false);
        updateDirty();
        if (isDirty()) {
            askAboutChange();
        } else {
            reload(false);
        }
    }

    private void askAboutChange() {
        showDiskNotice(new NoticeBar("disk-changed", NoticeBar.Kind.WARNING, fileName()
                + " changed on disk, and you have unsaved edits.")
                .withAction("disk-reload", "Reload (lose my edits)", () -> reload(true))
                .withAction("disk-keep", "Keep mine", this::keepMine));
    }

    /** Keeps the editor's text; saving will write it over the file on disk. */
    public void keepMine() {
        clearDiskNotice();
    }

    /** Loads the file again; with {@code discardEdits} the editor's unsaved text goes (undo still has it). */
    public CompletableFuture<Void> reload(boolean discardEdits) {
        diskBusy.incrementAndGet();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                DiskStamp stamp = DiskStamp.of(path);
                return new Loaded(TextFiles.read(path), stamp);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io).whenCompleteAsync((loaded, error) -> {
            diskBusy.decrementAndGet();
            if (error != null) {
                String message = TextFiles.describe("Could not reload", path, error);
                showDiskNotice(new NoticeBar("disk-problem", NoticeBar.Kind.DANGER, message));
                done.completeExceptionally(new EditorException(message, error));
                return;
            }
            if (!discardEdits && isDirty()) {
                // typed into while the file was read: the user decides
                observedStamp = loaded.stamp();
                askAboutChange();
                done.complete(null);
                return;
            }
            observedStamp = loaded.stamp();
            saved = loaded.file();
            editor.setText(loaded.file().text());
            undoManager().preventMerge();
            undoManager().mark();
            missingOnDisk.set(false);
            updateDirty();
            if (discardEdits) {
                clearDiskNotice();
            } else {
                showDiskNotice(new NoticeBar("disk-reloaded", NoticeBar.Kind.INFO, fileName()
                        + " changed on disk and was reloaded.").withAction("disk-dismiss", "Dismiss", this::clearDiskNotice));
            }
            done.complete(null);
        }, Platform::runLater);
        return done;
    }

    record Loaded(FileText file, DiskStamp stamp) {
    }

    /** Puts recovered text into the editor as an edit (undo goes back to the file's text); the document is dirty. */
    void applyRecovered(String text) {
        editor.setText(text);
        undoManager().preventMerge();
        updateDirty();
    }

    void dispose() {
        editor.dispose();
    }

    // ---- state ----

    private void updateDirty() {
        boolean clean = !missingOnDisk.get() && (undoManager().isAtMarkedPosition() || sameAsSaved());
        dirty.set(!clean);
        title.set(fileName() + (clean ? "" : DIRTY_MARK));
    }

    private boolean sameAsSaved() {
        // compare whole texts only when the lengths agree, which typing rarely leaves them
        return editor.area().getLength() == saved.text().length() && editor.getText().equals(saved.text());
    }

    private void showDiskNotice(NoticeBar notice) {
        clearDiskNotice();
        diskNotice = notice;
        editor.showBar(notice);
    }

    private void clearDiskNotice() {
        if (diskNotice != null) {
            editor.removeBar(diskNotice);
            diskNotice = null;
        }
    }

    private void showSaveProblem(String message) {
        if (saveProblem != null) {
            editor.removeBar(saveProblem);
        }
        saveProblem = new NoticeBar("save-problem", NoticeBar.Kind.DANGER, message);
        saveProblem.withAction("save-problem-dismiss", "Dismiss", () -> {
            editor.removeBar(saveProblem);
            saveProblem = null;
        });
        editor.showBar(saveProblem);
    }

    private void clearNotices() {
        clearDiskNotice();
        if (saveProblem != null) {
            editor.removeBar(saveProblem);
            saveProblem = null;
        }
    }

    @Override
    public String toString() {
        return "EditorDocument[" + path + (isDirty() ? ", dirty" : "") + "]";
    }
}
