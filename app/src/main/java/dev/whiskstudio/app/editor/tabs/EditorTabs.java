package dev.whiskstudio.app.editor.tabs;

import dev.whiskstudio.app.editor.CaretPosition;
import dev.whiskstudio.app.editor.CodeEditor;
import dev.whiskstudio.app.editor.EditorStyles;
import dev.whiskstudio.app.editor.recovery.RecoveryCopy;
import dev.whiskstudio.app.editor.recovery.RecoveryStore;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The editor's tabs, one per open file, and the commands the main window's menu calls: open, save, save all, close
 * (asking about unsaved changes through the {@link SavePrompt}), find, replace, go to line; the current document and
 * its caret position for the status bar; recovery copies of unsaved text and restoring them. Ctrl+S saves the current
 * tab, Ctrl+Shift+S all of them. Every file operation runs on one I/O thread; methods are for the FX thread and
 * answer with futures that complete on it.
 */
public final class EditorTabs extends TabPane {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE_ALL = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final EditorSettings settings;
    private final ExecutorService io = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "editor-io");
        thread.setDaemon(true);
        return thread;
    });
    private final DiskWatcher watcher;
    private final RecoveryWriter recoveryWriter;
    private final Map<Path, CompletableFuture<EditorDocument>> opening = new HashMap<>();
    private final ReadOnlyObjectWrapper<EditorDocument> currentDocument = new ReadOnlyObjectWrapper<>(this, "currentDocument");
    private final ReadOnlyObjectWrapper<CaretPosition> caretPosition = new ReadOnlyObjectWrapper<>(this, "caretPosition");
    private final ChangeListener<Boolean> windowFocused = (obs, was, now) -> {
        if (now) {
            checkDiskNow();
        }
    };
    private SavePrompt savePrompt;

    public EditorTabs() {
        this(EditorSettings.defaults());
    }

    public EditorTabs(EditorSettings settings) {
        this.settings = settings;
        this.savePrompt = settings.savePrompt();
        setId("editor-tabs");
        getStyleClass().add("editor-tabs");
        getStylesheets().add(EditorStyles.sheet());
        setTabClosingPolicy(TabClosingPolicy.ALL_TABS);
        watcher = new DiskWatcher(settings.diskPollInterval());
        recoveryWriter = new RecoveryWriter(settings.recovery(), settings.recoveryInterval(), io, this::documents);

        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> selected(now));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                save();
                e.consume();
            } else if (SAVE_ALL.match(e)) {
                saveAll();
                e.consume();
            }
        });
        sceneProperty().addListener((obs, oldScene, scene) -> watchWindowOf(oldScene, scene));
    }

    // ---- opening ----

    /**
     * Opens {@code file} in a tab (read on the I/O thread), or selects its tab if it is open already. The future
     * fails with an {@link EditorException} whose message says why a file cannot be opened.
     */
    public CompletableFuture<EditorDocument> open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        Optional<EditorDocument> open = document(path);
        if (open.isPresent()) {
            select(open.get());
            return CompletableFuture.completedFuture(open.get());
        }
        CompletableFuture<EditorDocument> pending = opening.get(path);
        if (pending != null) {
            return pending;
        }
        CompletableFuture<EditorDocument> done = new CompletableFuture<>();
        opening.put(path, done);
        CompletableFuture.supplyAsync(() -> load(path), io).whenCompleteAsync((loaded, error) -> {
            opening.remove(path);
            if (error != null) {
                done.completeExceptionally(new EditorException(TextFiles.describe("Cannot open", path, error), error));
                return;
            }
            Optional<EditorDocument> meanwhile = document(path);
            done.complete(meanwhile.orElseGet(() -> add(path, loaded)));
        }, Platform::runLater);
        return done;
    }

    /** Opens {@code file} (as {@link #open}) with the caret on {@code line} (from 1), scrolled into view. */
    public CompletableFuture<EditorDocument> openAt(Path file, int line) {
        return open(file).thenApply(document -> {
            document.editor().moveCaretTo(line, 1);
            return document;
        });
    }

    /**
     * Restores a recovery copy found at start ({@link RecoveryStore#pending()}): opens its file (or a tab for it if
     * the file is gone) and puts the recovered text in, as an edit, so the tab is dirty and undo goes back to the
     * file's own text.
     */
    public CompletableFuture<EditorDocument> restore(RecoveryCopy copy) {
        Path path = copy.original().toAbsolutePath().normalize();
        CompletableFuture<EditorDocument> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                String text = settings.recovery().readText(copy);
                EditorDocument.Loaded disk = Files.exists(path) ? load(path)
                        : new EditorDocument.Loaded(FileText.EMPTY, DiskStamp.MISSING);
                return new Restored(text, disk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).whenCompleteAsync((restored, error) -> {
            if (error != null) {
                done.completeExceptionally(new EditorException(
                        TextFiles.describe("Cannot restore the unsaved text of", path, error), error));
                return;
            }
            EditorDocument document = document(path).orElseGet(() -> add(path, restored.disk()));
            select(document);
            document.applyRecovered(restored.text());
            settings.recovery().adopt(copy);
            recoveryWriter.adopted(document);
            done.complete(document);
        }, Platform::runLater);
        return done;
    }

    private record Restored(String text, EditorDocument.Loaded disk) {
    }

    private static EditorDocument.Loaded load(Path path) {
        try {
            // the stamp before the content: a change in between then shows as a change at the next poll
            DiskStamp stamp = DiskStamp.of(path);
            return new EditorDocument.Loaded(TextFiles.read(path), stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EditorDocument add(Path path, EditorDocument.Loaded loaded) {
        EditorDocument document = new EditorDocument(path, loaded.file(), loaded.stamp(), io);
        EditorTab tab = new EditorTab(document);
        tab.setOnCloseRequest(e -> {
            // the tab closes only once the prompt is answered
            e.consume();
            close(document);
        });
        document.dirtyProperty().addListener((obs, was, dirty) -> {
            if (!dirty) {
                recoveryWriter.forget(document);
            }
        });
        getTabs().add(tab);
        watcher.watch(document);
        select(document);
        return document;
    }

    // ---- what is open ----

    public List<EditorDocument> documents() {
        List<EditorDocument> documents = new ArrayList<>();
        for (Tab tab : getTabs()) {
            if (tab instanceof EditorTab editorTab) {
                documents.add(editorTab.document());
            }
        }
        return documents;
    }

    public List<EditorDocument> dirtyDocuments() {
        return documents().stream().filter(EditorDocument::isDirty).toList();
    }

    public Optional<EditorDocument> document(Path file) {
        Path path = file.toAbsolutePath().normalize();
        return documents().stream().filter(d -> d.path().equals(path)).findFirst();
    }

    public Optional<EditorDocument> currentDocument() {
        return Optional.ofNullable(currentDocument.get());
    }

    public ReadOnlyObjectProperty<EditorDocument> currentDocumentProperty() {
        return currentDocument.getReadOnlyProperty();
    }

    /** The caret of the current document's editor, {@code null} when no file is open. */
    public ReadOnlyObjectProperty<CaretPosition> caretPositionProperty() {
        return caretPosition.getReadOnlyProperty();
    }

    public void select(EditorDocument document) {
        tabOf(document).ifPresent(tab -> getSelectionModel().select(tab));
    }

    // ---- saving and closing ----

    /** Saves the current document (nothing to do without one). */
    public CompletableFuture<Void> save() {
        return currentDocument().map(EditorDocument::save).orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    public CompletableFuture<Void> save(EditorDocument document) {
        return document.save();
    }

    /** Saves every dirty document; fails if any save failed (each failed tab shows why). */
    public CompletableFuture<Void> saveAll() {
        return CompletableFuture.allOf(dirtyDocuments().stream().map(EditorDocument::save)
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Closes a document's tab; if it has unsaved changes the {@link SavePrompt} decides: save first (the tab stays
     * if saving fails), discard, or cancel. Answers whether the tab closed.
     */
    public CompletableFuture<Boolean> close(EditorDocument document) {
        if (!document.isDirty()) {
            remove(document);
            return CompletableFuture.completedFuture(true);
        }
        select(document);
        CloseChoice choice = savePrompt.ask(document);
        return switch (choice) {
            case CANCEL -> CompletableFuture.completedFuture(false);
            case DISCARD -> {
                remove(document);
                yield CompletableFuture.completedFuture(true);
            }
            case SAVE -> document.save().handle((ok, error) -> {
                if (error != null) {
                    return false;
                }
                remove(document);
                return true;
            });
        };
    }

    /** Closes every tab in turn, stopping at the first one the user keeps open (for quitting the app). */
    public CompletableFuture<Boolean> closeAll() {
        return closeEach(documents().iterator());
    }

    private CompletableFuture<Boolean> closeEach(Iterator<EditorDocument> documents) {
        if (!documents.hasNext()) {
            return CompletableFuture.completedFuture(true);
        }
        return close(documents.next()).thenCompose(closed -> closed ? closeEach(documents)
                : CompletableFuture.completedFuture(false));
    }

    private void remove(EditorDocument document) {
        tabOf(document).ifPresent(tab -> getTabs().remove(tab));
        watcher.unwatch(document);
        recoveryWriter.forget(document);
        document.dispose();
    }

    public void setSavePrompt(SavePrompt prompt) {
        this.savePrompt = prompt;
    }

    // ---- commands on the current editor ----

    public void showFind() {
        currentEditor().ifPresent(CodeEditor::showFind);
    }

    public void showReplace() {
        currentEditor().ifPresent(CodeEditor::showReplace);
    }

    public void findNext() {
        currentEditor().ifPresent(CodeEditor::findNext);
    }

    public void findPrevious() {
        currentEditor().ifPresent(CodeEditor::findPrevious);
    }

    public void showGoToLine() {
        currentEditor().ifPresent(CodeEditor::showGoToLine);
    }

    public Optional<CodeEditor> currentEditor() {
        return currentDocument().map(EditorDocument::editor);
    }

    // ---- disk and recovery ----

    /** Checks the open files on disk now rather than at the next poll. */
    public void checkDiskNow() {
        watcher.checkNow();
    }

    /** Writes the due recovery copies now rather than at the next tick. */
    public void writeRecoveryCopies() {
        recoveryWriter.tick();
    }

    public RecoveryStore recoveryStore() {
        return settings.recovery();
    }

    /** Stops the disk watch and the recovery copies and lets pending writes finish; for when the window closes. */
    public void dispose() {
        watcher.close();
        recoveryWriter.close();
        for (EditorDocument document : documents()) {
            document.dispose();
        }
        io.shutdown();
    }

    // ---- inner workings ----

    private Optional<Tab> tabOf(EditorDocument document) {
        return getTabs().stream()
                .filter(tab -> tab instanceof EditorTab editorTab && editorTab.document() == document)
                .findFirst();
    }

    private void selected(Tab tab) {
        EditorDocument document = tab instanceof EditorTab editorTab ? editorTab.document() : null;
        currentDocument.set(document);
        caretPosition.unbind();
        if (document == null) {
            caretPosition.set(null);
        } else {
            caretPosition.bind(document.editor().caretPositionProperty());
            Platform.runLater(() -> document.editor().requestFocus());
        }
    }

    private void watchWindowOf(Scene oldScene, Scene scene) {
        if (oldScene != null && oldScene.getWindow() != null) {
            oldScene.getWindow().focusedProperty().removeListener(windowFocused);
        }
        if (scene != null) {
            scene.windowProperty().addListener((obs, oldWindow, window) -> {
                if (oldWindow != null) {
                    oldWindow.focusedProperty().removeListener(windowFocused);
                }
                if (window != null) {
                    window.focusedProperty().addListener(windowFocused);
                }
            });
            Window window = scene.getWindow();
            if (window != null) {
                window.focusedProperty().addListener(windowFocused);
            }
        }
    }
}
