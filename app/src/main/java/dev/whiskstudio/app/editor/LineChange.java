package dev.whiskstudio.app.editor;

import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.fxmisc.richtext.model.TwoDimensional.Position;

import java.util.ArrayList;
import java.util.List;

/**
 * A text change seen as lines: it starts at {@code line}, {@code column} (from 0) and replaces text holding
 * {@code removedBreaks} line breaks with text holding {@code insertedBreaks}. Things pinned to lines (breakpoints,
 * the execution line) follow edits through {@link #mapLine}.
 */
public record LineChange(int line, int column, int removedBreaks, int insertedBreaks) {

    /**
     * Where line {@code line} (from 0) is after the change, or -1 if the change took it away. A line whose content
     * moved (Enter at its start, lines pasted above it) moves with its content.
     */
    public int mapLine(int before) {
        if (before < line) {
            return before;
        }
        if (before > line + removedBreaks) {
            return before + insertedBreaks - removedBreaks;
        }
        if (removedBreaks == 0) {
            // before == line: inserting at its very start pushes its content down
            return column == 0 ? line + insertedBreaks : line;
        }
        if (before == line) {
            return column == 0 ? -1 : line;
        }
        if (before == line + removedBreaks) {
            // its tail joins the last inserted line
            return line + insertedBreaks;
        }
        return -1;
    }

    /**
     * The changes of one multi-change, as lines. RichTextFX gives each change's position in the text as it was after
     * the changes before it, and reports the list once all are applied; the start line of each is found in the final
     * text and corrected by the line breaks the later changes added before it.
     */
    public static List<LineChange> of(GenericStyledArea<?, ?, ?> area, List<PlainTextChange> changes) {
        int count = changes.size();
        List<LineChange> lines = new ArrayList<>(count);
        boolean ascending = true;
        for (int j = 1; j < count && ascending; j++) {
            PlainTextChange previous = changes.get(j - 1);
            ascending = changes.get(j).getPosition() >= previous.getPosition() + previous.getInserted().length();
        }
        for (int i = 0; i < count; i++) {
            PlainTextChange change = changes.get(i);
            int position = change.getPosition();
            int lineShift = 0;
            if (!ascending) {
                for (int j = i + 1; j < count; j++) {
                    PlainTextChange later = changes.get(j);
                    int laterEnd = later.getPosition() + later.getRemoved().length();
                    if (laterEnd <= position) {
                        position += later.getInserted().length() - later.getRemoved().length();
                        lineShift += breaks(later.getInserted()) - breaks(later.getRemoved());
                    } else if (later.getPosition() < position) {
                        lineShift -= breaks(later.getRemoved().substring(0, position - later.getPosition()));
                        position = later.getPosition();
                    }
                }
            }
            Position at = area.offsetToPosition(Math.min(position, area.getLength()), Bias.Forward);
            lines.add(new LineChange(at.getMajor() - lineShift, at.getMinor(),
                    breaks(change.getRemoved()), breaks(change.getInserted())));
        }
        return lines;
    }

    static int breaks(String text) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }
}
