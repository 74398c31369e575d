package dev.whiskstudio.app.editor;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.fxmisc.richtext.Selection;
import org.fxmisc.richtext.SelectionImpl;
import org.reactfx.Subscription;

import java.util.Collection;
import java.util.List;

/**
 * Highlights the bracket next to the caret and its partner (class {@code bracket-match}), or the bracket alone when
 * it has none ({@code bracket-unmatched}). Brackets inside strings, comments and regular expressions (as the
 * highlighter last coloured them) are not counted. Drawn as extra RichTextFX selections, so the highlighter's
 * spans are left alone.
 */
public final class BracketMatcher implements EditorFeature {
    private static final String OPENERS = "([{";
    private static final String CLOSERS = ")]}";
    /** How far to look for the partner; beyond it the bracket counts as unmatched rather than freezing the UI. */
    private static final int SCAN_LIMIT = 200_000;

    private final ChangeListener<Integer> caretMoved = (obs, old, now) -> scheduleUpdate();
    private EditorArea area;
    private Selection<Collection<String>, String, Collection<String>> first;
    private Selection<Collection<String>, String, Collection<String>> second;
    private Selection<Collection<String>, String, Collection<String>> unmatched;
    private Subscription changes;
    private boolean scheduled;
    private boolean installed;
    private int[] pair = new int[0];

    @Override
    public void install(CodeEditor editor) {
        area = editor.area();
        first = selection("bracket-match-1", "bracket-match");
        second = selection("bracket-match-2", "bracket-match");
        unmatched = selection("bracket-unmatched", "bracket-unmatched");
        installed = true;
        area.caretPositionProperty().addListener(caretMoved);
        changes = area.multiPlainChanges().subscribe(list -> scheduleUpdate());
        scheduleUpdate();
    }

    @Override
    public void uninstall(CodeEditor editor) {
        installed = false;
        area.caretPositionProperty().removeListener(caretMoved);
        changes.unsubscribe();
        for (var selection : List.of(first, second, unmatched)) {
            // removing disposes it too
            area.removeSelection(selection);
        }
    }

    /** The positions highlighted now: the bracket and its partner, the unmatched bracket alone, or none. */
    public int[] highlighted() {
        return pair.clone();
    }

    /** RichTextFX tells selections apart by name, so each needs its own; the style class is what CSS sees. */
    private Selection<Collection<String>, String, Collection<String>> selection(String name, String styleClass) {
        var selection = new SelectionImpl<>(name, area, path -> path.getStyleClass().add(styleClass));
        area.addSelection(selection);
        return selection;
    }

    private void scheduleUpdate() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        Platform.runLater(() -> {
            scheduled = false;
            if (installed) {
                update();
            }
        });
    }

    private void update() {
        first.deselect();
        second.deselect();
        unmatched.deselect();
        pair = new int[0];
        int caret = area.getCaretPosition();
        int at = bracketAt(caret - 1);
        if (at < 0) {
            at = bracketAt(caret);
        }
        if (at < 0) {
            return;
        }
        int partner = partnerOf(at);
        if (partner < 0) {
            unmatched.selectRange(at, at + 1);
            pair = new int[] {at};
        } else {
            first.selectRange(at, at + 1);
            second.selectRange(partner, partner + 1);
            pair = new int[] {Math.min(at, partner), Math.max(at, partner)};
        }
    }

    /** {@code position} if a bracket in code stands there, else -1. */
    private int bracketAt(int position) {
        if (position < 0 || position >= area.getLength()) {
            return -1;
        }
        char c = area.getText(position, position + 1).charAt(0);
        boolean bracket = OPENERS.indexOf(c) >= 0 || CLOSERS.indexOf(c) >= 0;
        return bracket && inCode(position) ? position : -1;
    }

    private int partnerOf(int position) {
        char c = area.getText(position, position + 1).charAt(0);
        int kind = OPENERS.indexOf(c);
        if (kind >= 0) {
            char open = c;
            char close = CLOSERS.charAt(kind);
            int end = Math.min(area.getLength(), position + 1 + SCAN_LIMIT);
            String text = area.getText(position + 1, end);
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char x = text.charAt(i);
                if ((x == open || x == close) && inCode(position + 1 + i)) {
                    if (x == open) {
                        depth++;
                    } else if (depth == 0) {
                        return position + 1 + i;
                    } else {
                        depth--;
                    }
                }
            }
            return -1;
        }
        kind = CLOSERS.indexOf(c);
        char close = c;
        char open = OPENERS.charAt(kind);
        int start = Math.max(0, position - SCAN_LIMIT);
        String text = area.getText(start, position);
        int depth = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char x = text.charAt(i);
            if ((x == open || x == close) && inCode(start + i)) {
                if (x == close) {
                    depth++;
                } else if (depth == 0) {
                    return start + i;
                } else {
                    depth--;
                }
            }
        }
        return -1;
    }

    private boolean inCode(int position) {
        Collection<String> style = area.getStyleOfChar(position);
        return !(style.contains("string") || style.contains("comment") || style.contains("regex"));
    }
}
