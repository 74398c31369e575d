package dev.whiskstudio.app.editor.highlight;

import dev.whiskstudio.app.editor.CodeEditor;
import dev.whiskstudio.app.editor.EditorFeature;
import dev.whiskstudio.app.editor.highlight.HighlightModel.LineSpans;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.reactfx.Subscription;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Syntax highlighting (JavaScript, or JSON, or none: see {@link Language}), computed off the FX thread.
 *
 * <p>Each text change gets a revision number on the FX thread and is queued, as it is, for the highlighting thread,
 * which applies it to its own copy of the lines ({@link HighlightModel}) and re-lexes only from the changed line until
 * the lexer state at a line start is the cached one again. When the queue is empty it hands the style spans of the
 * re-lexed lines back to the FX thread, which applies them only if the text is still at that revision: a result for
 * an older text is dropped, and its lines stay pending, so the next result covers them too.
 */
public final class JavaScriptHighlighter implements EditorFeature {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Language language;
    private final Queue<Edit> edits = new ConcurrentLinkedQueue<>();
    private final ReadOnlyLongWrapper appliedRevision = new ReadOnlyLongWrapper(this, "appliedRevision", 0);
    /** The applied revision as the highlighting thread reads it. */
    private final AtomicLong appliedForWorker = new AtomicLong();
    private final AtomicLong linesLexed = new AtomicLong();
    private CodeArea area;
    private Subscription changes;
    private ThreadPoolExecutor worker;
    private HighlightModel model;
    /** The revision of the area's text; FX thread only. */
    private long revision;
    /** The revision of the last result handed to the FX thread; highlighting thread only. */
    private long lastPublished;
    private volatile boolean installed;

    public JavaScriptHighlighter(Language language) {
        this.language = language;
    }

    public Language language() {
        return language;
    }

    @Override
    public void install(CodeEditor editor) {
        area = editor.area();
        model = new HighlightModel(language.lexer());
        // one thread at most, ending when idle: edits are lexed in order, and a closed tab leaves no thread behind
        worker = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "editor-highlight-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        installed = true;
        changes = area.multiPlainChanges().subscribe(this::textChanged);
        String text = area.getText();
        if (!text.isEmpty()) {
            enqueue(List.of(new Change(0, "", text)));
        }
    }

    @Override
    public void uninstall(CodeEditor editor) {
        installed = false;
        changes.unsubscribe();
        worker.shutdownNow();
        edits.clear();
    }

    /** The revision of the editor's text: one more for every change. */
    public long revision() {
        return revision;
    }

    /** The revision whose highlighting is on screen; equal to {@link #revision()} once highlighting caught up. */
    public ReadOnlyLongProperty appliedRevisionProperty() {
        return appliedRevision.getReadOnlyProperty();
    }

    public long appliedRevision() {
        return appliedRevision.get();
    }

    public boolean isUpToDate() {
        return appliedRevision.get() == revision;
    }

    /** How many lines were lexed since installation (tests and the benchmark check an edit lexes few). */
    public long linesLexed() {
        return linesLexed.get();
    }

    private void textChanged(List<PlainTextChange> list) {
        if (list.isEmpty()) {
            // a style-only change, such as our own spans
            return;
        }
        enqueue(list.stream().map(c -> new Change(c.getPosition(), c.getRemoved(), c.getInserted())).toList());
    }

    private void enqueue(List<Change> list) {
        revision++;
        edits.add(new Edit(revision, list));
        worker.execute(this::drain);
    }

    /** On the highlighting thread: applies every queued edit, then publishes the spans of the lines re-lexed. */
    private void drain() {
        if (edits.isEmpty()) {
            return;
        }
        if (appliedForWorker.get() >= lastPublished) {
            // the last result reached the screen, so its lines are done; otherwise they are still pending
            model.clearPending();
        }
        long last = -1;
        long lexedBefore = model.linesLexed();
        for (Edit edit = edits.poll(); edit != null; edit = edits.poll()) {
            for (Change change : edit.changes()) {
                model.apply(change.position(), change.removed(), change.inserted());
            }
            last = edit.revision();
        }
        if (last < 0 || !edits.isEmpty() || !model.hasPending()) {
            linesLexed.addAndGet(model.linesLexed() - lexedBefore);
            // a newer edit is queued: its own drain publishes, for a text this one is already stale against
            return;
        }
        LineSpans spans = model.takePending();
        linesLexed.addAndGet(model.linesLexed() - lexedBefore);
        lastPublished = last;
        long revisionOfSpans = last;
        Platform.runLater(() -> applyOnFx(revisionOfSpans, spans));
    }

    private void applyOnFx(long revisionOfSpans, LineSpans spans) {
        if (!installed || revisionOfSpans != revision) {
            return;
        }
        area.setStyleSpans(spans.from(), 0, spans.spans());
        appliedForWorker.set(revisionOfSpans);
        appliedRevision.set(revisionOfSpans);
    }

    private record Change(int position, String removed, String inserted) {
    }

    private record Edit(long revision, List<Change> changes) {
    }
}
