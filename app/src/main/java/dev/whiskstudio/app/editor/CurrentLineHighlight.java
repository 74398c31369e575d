package dev.whiskstudio.app.editor;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.reactfx.Subscription;

/**
 * The caret's line gets the paragraph style class {@code current-line}. The class moves once per event, after
 * RichTextFX has finished moving the caret and the text.
 */
public final class CurrentLineHighlight implements EditorFeature {
    public static final String CURRENT_LINE_CLASS = "current-line";

    private final ChangeListener<Integer> caretMoved = (obs, old, now) -> scheduleUpdate();
    private EditorArea area;
    private ParagraphClassMarker marker;
    private Subscription changes;
    private boolean scheduled;
    private boolean installed;

    @Override
    public void install(CodeEditor editor) {
        area = editor.area();
        marker = new ParagraphClassMarker(area, CURRENT_LINE_CLASS);
        installed = true;
        changes = area.multiPlainChanges().subscribe(list -> {
            if (!list.isEmpty()) {
                marker.follow(LineChange.of(area, list));
                scheduleUpdate();
            }
        });
        area.currentParagraphProperty().addListener(caretMoved);
        marker.mark(area.getCurrentParagraph());
    }

    @Override
    public void uninstall(CodeEditor editor) {
        installed = false;
        changes.unsubscribe();
        area.currentParagraphProperty().removeListener(caretMoved);
        marker.mark(-1);
    }

    /** The paragraph (from 0) carrying the class. */
    public int markedParagraph() {
        return marker.marked();
    }

    private void scheduleUpdate() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        // the caret moves before the text change is reported to us: mark once both are done
        Platform.runLater(() -> {
            scheduled = false;
            if (installed) {
                marker.mark(area.getCurrentParagraph());
            }
        });
    }
}
