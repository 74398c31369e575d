package dev.whiskstudio.app.editor.gutter;

import dev.whiskstudio.app.editor.LineChange;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The lines (from 1) of one document that carry a breakpoint. Observable, so the gutter and later the debugger follow
 * it; the gutter moves breakpoints with their line when lines are inserted or removed above them. FX thread only.
 */
public final class BreakpointModel {
    private final ObservableSet<Integer> lines = FXCollections.observableSet(new TreeSet<>());
    private final ObservableSet<Integer> readOnly = FXCollections.unmodifiableObservableSet(lines);

    /** The lines with a breakpoint, read-only and observable. */
    public ObservableSet<Integer> lines() {
        return readOnly;
    }

    /** A sorted copy. */
    public SortedSet<Integer> sorted() {
        return new TreeSet<>(lines);
    }

    public boolean contains(int line) {
        return lines.contains(line);
    }

    /** Sets a breakpoint on {@code line} or takes it off; answers whether the line has one now. */
    public boolean toggle(int line) {
        if (lines.remove(line)) {
            return false;
        }
        add(line);
        return true;
    }

    public void add(int line) {
        if (line < 1) {
            throw new IllegalArgumentException("lines count from 1: " + line);
        }
        lines.add(line);
    }

    public void remove(int line) {
        lines.remove(line);
    }

    public void clear() {
        lines.clear();
    }

    /** Moves the breakpoints through text changes; one on a line that was taken away goes with it. */
    public void follow(List<LineChange> changes) {
        if (lines.isEmpty()) {
            return;
        }
        SortedSet<Integer> moved = new TreeSet<>(lines);
        for (LineChange change : changes) {
            SortedSet<Integer> next = new TreeSet<>();
            for (int line : moved) {
                int to = change.mapLine(line - 1);
                if (to >= 0) {
                    next.add(to + 1);
                }
            }
            moved = next;
        }
        if (!moved.equals(lines)) {
            lines.retainAll(moved);
            lines.addAll(moved);
        }
    }
}
