package dev.whiskstudio.app.editor;

import org.fxmisc.richtext.GenericStyledArea;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps one paragraph style class (the current line, the execution line) on at most one paragraph. RichTextFX keeps
 * a paragraph's style with the paragraph as lines come and go, so the marker follows edits ({@link #follow}) to know
 * which index holds it now (a paragraph that was deleted, or joined to the one before, took the class with it).
 */
public final class ParagraphClassMarker {
    private final GenericStyledArea<Collection<String>, ?, ?> area;
    private final String styleClass;
    private int marked = -1;

    public ParagraphClassMarker(GenericStyledArea<Collection<String>, ?, ?> area, String styleClass) {
        this.area = area;
        this.styleClass = styleClass;
    }

    /** The paragraph holding the class (from 0), or -1. */
    public int marked() {
        return marked;
    }

    /** Moves the class to {@code paragraph} (from 0), or takes it off with -1. */
    public void mark(int paragraph) {
        int target = paragraph < area.getParagraphs().size() ? paragraph : -1;
        if (target == marked && (target < 0 || holds(target))) {
            return;
        }
        if (marked >= 0 && marked < area.getParagraphs().size() && holds(marked)) {
            setClass(marked, false);
        }
        marked = target;
        if (target >= 0) {
            setClass(target, true);
        }
    }

    /** Follows the marked paragraph through text changes. */
    public void follow(List<LineChange> changes) {
        for (LineChange change : changes) {
            if (marked >= 0) {
                marked = change.mapLine(marked);
            }
        }
    }

    private boolean holds(int paragraph) {
        return area.getParagraph(paragraph).getParagraphStyle().contains(styleClass);
    }

    private void setClass(int paragraph, boolean on) {
        List<String> classes = new ArrayList<>(area.getParagraph(paragraph).getParagraphStyle());
        classes.remove(styleClass);
        if (on) {
            classes.add(styleClass);
        }
        area.setParagraphStyle(paragraph, List.copyOf(classes));
    }
}
