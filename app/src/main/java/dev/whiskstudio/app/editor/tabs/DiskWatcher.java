package dev.whiskstudio.app.editor.tabs;

import javafx.application.Platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Notices open files changed or deleted on disk: every few seconds (and when the window gets the focus back) it
 * reads each file's {@link DiskStamp} on its own thread and hands a difference to the document on the FX thread.
 * Polling, not a WatchService: it works the same on every file system, and a stat per open file is cheap.
 */
final class DiskWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DiskWatcher.class.getName());

    private final List<EditorDocument> documents = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "editor-disk-watch");
        thread.setDaemon(true);
        return thread;
    });

    DiskWatcher(Duration interval) {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    void watch(EditorDocument document) {
        documents.add(document);
    }

    void unwatch(EditorDocument document) {
        documents.remove(document);
    }

    /** Looks at every file now (the window got the focus back). */
    void checkNow() {
        if (!timer.isShutdown()) {
            timer.execute(this::poll);
        }
    }

    private void poll() {
        for (EditorDocument document : documents) {
            try {
                if (document.isDiskBusy()) {
                    continue;
                }
                DiskStamp now = DiskStamp.of(document.path());
                if (now != null && !now.sameAs(document.observedStamp())) {
                    Platform.runLater(() -> {
                        if (documents.contains(document)) {
                            document.diskChanged(now);
                        }
                    });
                }
            } catch (RuntimeException e) {
                // one bad file must not stop the watch of the others (an exception would cancel the schedule)
                LOG.log(System.Logger.Level.WARNING, "checking " + document.path() + " on disk failed", e);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
