package dev.whiskstudio.app.editor.highlight;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The highlighter's copy of the text, as lines, with the lexer state cached at the start of each line. Owned by the
 * highlighting thread alone. An edit re-lexes from its first line until the state at a line start is the cached one
 * again; the lines re-lexed and not yet known to be on screen form the pending range, for which {@link #takePending}
 * builds style spans.
 */
final class HighlightModel {
    private static final Collection<String> PLAIN = Collections.emptyList();

    private final LineLexer lexer;
    private final ArrayList<String> lines = new ArrayList<>();
    /** The state at the start of each line; {@code null} for a line not lexed yet. */
    private final ArrayList<LexState> starts = new ArrayList<>();
    private int pendingFrom = -1;
    private int pendingTo = -1;
    private long linesLexed;

    HighlightModel(LineLexer lexer) {
        this.lexer = lexer;
        lines.add("");
        starts.add(lexer.initialState());
    }

    int lineCount() {
        return lines.size();
    }

    /** How many lines were lexed so far, for tests and the benchmark: an edit must not re-lex the whole file. */
    long linesLexed() {
        return linesLexed;
    }

    /** Replaces {@code removed} at {@code position} with {@code inserted}, as the editor did, and re-lexes. */
    void apply(int position, String removed, String inserted) {
        int line = 0;
        int lineStart = 0;
        while (lineStart + lines.get(line).length() < position) {
            lineStart += lines.get(line).length() + 1;
            line++;
        }
        int column = position - lineStart;
        int removedBreaks = countBreaks(removed);
        String first = lines.get(line);
        String last = lines.get(line + removedBreaks);
        int endColumn = removedBreaks == 0 ? column + removed.length() : removed.length() - removed.lastIndexOf('\n') - 1;
        List<String> replacement = split(first.substring(0, column) + inserted + last.substring(endColumn));

        lines.subList(line, line + removedBreaks + 1).clear();
        lines.addAll(line, replacement);
        starts.subList(line + 1, line + removedBreaks + 1).clear();
        starts.addAll(line + 1, Collections.nCopies(replacement.size() - 1, null));

        int added = replacement.size() - 1 - removedBreaks;
        if (pendingFrom >= 0) {
            // lines after the edit moved; lines inside it are re-lexed below anyway
            if (pendingFrom > line + removedBreaks) {
                pendingFrom += added;
            } else if (pendingFrom > line) {
                pendingFrom = line;
            }
            if (pendingTo > line + removedBreaks) {
                pendingTo += added;
            } else {
                pendingTo = Math.max(pendingTo, line + 1);
            }
        }
        int lastLexed = relex(line, line + replacement.size() - 1);
        pendingFrom = pendingFrom < 0 ? line : Math.min(pendingFrom, line);
        pendingTo = Math.max(pendingTo, lastLexed + 1);
    }

    /** Lexes from {@code from}, at least through {@code through}, until a line start state matches the cached one. */
    private int relex(int from, int through) {
        LexState state = starts.get(from);
        int line = from;
        while (true) {
            LexState next = lexer.lexLine(lines.get(line), state, TokenSink.IGNORE);
            linesLexed++;
            if (line + 1 >= lines.size()) {
                return line;
            }
            if (line >= through && next.equals(starts.get(line + 1))) {
                return line;
            }
            starts.set(line + 1, next);
            state = next;
            line++;
        }
    }

    /** Forgets the pending range: its spans are on screen. */
    void clearPending() {
        pendingFrom = -1;
        pendingTo = -1;
    }

    boolean hasPending() {
        return pendingFrom >= 0;
    }

    /**
     * Style spans for the pending lines (with the line breaks between them). The range stays pending until the caller
     * knows these spans reached the screen ({@link #clearPending}).
     */
    LineSpans takePending() {
        int from = pendingFrom;
        int to = Math.min(pendingTo, lines.size());
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        for (int line = from; line < to; line++) {
            String text = lines.get(line);
            int[] end = {0};
            lexer.lexLine(text, starts.get(line), (start, stop, kind) -> {
                if (start > end[0]) {
                    spans.add(PLAIN, start - end[0]);
                }
                spans.add(kind.styleClasses(), stop - start);
                end[0] = stop;
            });
            linesLexed++;
            int rest = text.length() - end[0] + (line + 1 < to ? 1 : 0);
            spans.add(PLAIN, rest);
        }
        return new LineSpans(from, to, spans.create());
    }

    /** Style spans for lines {@code [from, to)}, from paragraph {@code from}'s first character. */
    record LineSpans(int from, int to, StyleSpans<Collection<String>> spans) {
    }

    private static int countBreaks(String text) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            parts.add(text.substring(start, i));
            start = i + 1;
        }
        parts.add(text.substring(start));
        return parts;
    }
}
