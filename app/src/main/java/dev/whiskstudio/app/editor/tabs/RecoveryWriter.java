package dev.whiskstudio.app.editor.tabs;

import dev.whiskstudio.app.editor.recovery.RecoveryStore;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Keeps a recovery copy of every dirty document: on each tick (FX thread) it takes the text of the documents edited
 * since their last copy and writes them on the I/O thread; a document that became clean, or was closed, has its copy
 * deleted. Writes and deletes share the one I/O thread, so a delete is never overtaken by an older write.
 */
final class RecoveryWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RecoveryWriter.class.getName());

    private final RecoveryStore store;
    private final Executor io;
    private final Supplier<List<EditorDocument>> documents;
    private final Timeline ticks;
    /** Documents with a copy on disk, and their edit count when it was written. */
    private final Map<EditorDocument, Long> copied = new HashMap<>();

    RecoveryWriter(RecoveryStore store, Duration interval, Executor io, Supplier<List<EditorDocument>> documents) {
        this.store = store;
        this.io = io;
        this.documents = documents;
        ticks = new Timeline(new KeyFrame(javafx.util.Duration.millis(interval.toMillis()), e -> tick()));
        ticks.setCycleCount(Animation.INDEFINITE);
        ticks.play();
    }

    /** Writes the copies due now (also what each tick does). */
    void tick() {
        for (EditorDocument document : documents.get()) {
            if (!document.isDirty()) {
                forget(document);
                continue;
            }
            long edits = document.editCount();
            Long copiedAt = copied.get(document);
            if (copiedAt == null || copiedAt != edits) {
                copied.put(document, edits);
                Path path = document.path();
                String text = document.text();
                io.execute(() -> {
                    try {
                        store.write(path, text);
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.WARNING, "could not write the recovery copy of " + path, e);
                    }
                });
            }
        }
    }

    /** The document holds text restored from a copy: that copy is now this document's, deleted when it is clean. */
    void adopted(EditorDocument document) {
        copied.put(document, -1L);
    }

    /** The document is clean or closed: its copy goes. */
    void forget(EditorDocument document) {
        if (copied.remove(document) == null) {
            return;
        }
        Path path = document.path();
        io.execute(() -> {
            try {
                store.delete(path);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not delete the recovery copy of " + path, e);
            }
        });
    }

    @Override
    public void close() {
        ticks.stop();
    }
}
