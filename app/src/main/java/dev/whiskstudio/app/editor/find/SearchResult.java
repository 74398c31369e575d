package dev.whiskstudio.app.editor.find;

import java.util.Arrays;

/**
 * The matches of a search, as start and end offsets in ascending order, or why there are none ({@code problem},
 * such as an invalid regular expression). {@code truncated} says the search stopped at {@link TextSearch#MAX_MATCHES}.
 */
public record SearchResult(int[] starts, int[] ends, boolean truncated, String problem) {
    public static final SearchResult NONE = new SearchResult(new int[0], new int[0], false, null);

    public static SearchResult problem(String message) {
        return new SearchResult(new int[0], new int[0], false, message);
    }

    public int count() {
        return starts.length;
    }

    public boolean hasProblem() {
        return problem != null;
    }

    /** The index of the match exactly at {@code [start, end)}, or -1. */
    public int indexOf(int start, int end) {
        int i = Arrays.binarySearch(starts, start);
        return i >= 0 && ends[i] == end ? i : -1;
    }

    /** The first match starting at or after {@code position}, wrapping to the first one; -1 if there are none. */
    public int firstAtOrAfter(int position) {
        if (count() == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(starts, position);
        int at = i >= 0 ? i : -i - 1;
        return at < count() ? at : 0;
    }

    /** The last match starting before {@code position}, wrapping to the last one; -1 if there are none. */
    public int lastBefore(int position) {
        if (count() == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(starts, position);
        int at = (i >= 0 ? i : -i - 1) - 1;
        return at >= 0 ? at : count() - 1;
    }
}
