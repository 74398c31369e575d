package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.PausedState;
import dev.whiskstudio.app.debug.StackFrame;
import dev.whiskstudio.app.debug.UserLocation;
import dev.whiskstudio.app.editor.gutter.LineGutter;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import dev.whiskstudio.app.editor.tabs.EditorTabs;

/**
 * Shows where the program is paused: the selected frame's line (the innermost user frame at each pause) is opened
 * through the {@link SourceOpener} and marked as the execution line of its editor; the mark goes when the program
 * runs on or the session ends. A file opened later while paused there gets the mark too.
 */
final class ExecutionLineMarker {
    private final DebugContext context;
    private final EditorTabs tabs;
    private final SourceOpener opener;
    private UserLocation target;
    private EditorDocument marked;

    ExecutionLineMarker(DebugContext context, EditorTabs tabs, SourceOpener opener) {
        this.context = context;
        this.tabs = tabs;
        this.opener = opener;
        context.pausedProperty().addListener((obs, old, now) -> update());
        context.selectedFrameProperty().addListener((obs, old, now) -> update());
        update();
    }

    /** The location marked (or being opened), null while not paused. */
    UserLocation target() {
        return target;
    }

    private void update() {
        PausedState paused = context.pausedProperty().get();
        StackFrame frame = context.selectedFrame();
        UserLocation next = null;
        if (paused != null) {
            next = frame != null && frame.userLocation() != null ? frame.userLocation()
                    : paused.location().orElse(null);
        }
        target = next;
        if (next == null) {
            clear();
            return;
        }
        UserLocation wanted = next;
        FxFutures.whenDone(opener.openAt(wanted.file(), wanted.line()), (opened, error) -> {
            if (wanted.equals(target)) {
                markOpenDocument();
            }
        });
    }

    /** A tab was opened: it may be the paused file. */
    void documentOpened(EditorDocument document) {
        if (target != null && document.path().equals(target.file())) {
            markOpenDocument();
        }
    }

    /** A tab is closing: its editor is about to go. */
    void documentClosed(EditorDocument document) {
        if (marked == document) {
            marked = null;
        }
    }

    private void markOpenDocument() {
        UserLocation at = target;
        if (at == null) {
            return;
        }
        EditorDocument document = tabs.document(at.file()).orElse(null);
        if (document == null) {
            return;
        }
        if (marked != null && marked != document) {
            clear();
        }
        document.editor().setExecutionLine(at.line());
        marked = document;
    }

    private void clear() {
        if (marked != null) {
            marked.editor().feature(LineGutter.class).ifPresent(g -> g.setExecutionLine(-1));
            marked = null;
        }
    }
}
