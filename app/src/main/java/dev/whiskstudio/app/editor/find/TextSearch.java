package dev.whiskstudio.app.editor.find;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finding and replacing in a text, with every failure turned into a message a user can read. Pure functions, safe
 * on any thread; a search on a background thread stops when that thread is interrupted (even inside a regular
 * expression that backtracks for ever).
 */
public final class TextSearch {
    public static final int MAX_MATCHES = 100_000;

    private TextSearch() {
    }

    /** Every non-empty match of {@code query} in {@code text}; never throws for a bad pattern. */
    public static SearchResult find(CharSequence text, SearchQuery query) {
        if (query.isEmpty()) {
            return SearchResult.NONE;
        }
        Pattern pattern;
        try {
            pattern = query.compile();
        } catch (PatternSyntaxException e) {
            return SearchResult.problem(describe(e));
        }
        int[] starts = new int[16];
        int[] ends = new int[16];
        int count = 0;
        Matcher matcher = pattern.matcher(new InterruptibleText(text));
        boolean truncated = false;
        try {
            while (matcher.find()) {
                if (matcher.end() == matcher.start()) {
                    continue;
                }
                if (count == MAX_MATCHES) {
                    truncated = true;
                    break;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = matcher.start();
                ends[count] = matcher.end();
                count++;
            }
        } catch (StackOverflowError e) {
            return SearchResult.problem("The regular expression is too complex for this text.");
        }
        return new SearchResult(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count), truncated, null);
    }

    /**
     * The replacements for every match; with a regular expression {@code $1} and {@code ${name}} refer to groups.
     * Throws {@link IllegalArgumentException} with a readable message for a bad pattern or replacement.
     */
    public static List<Replacement> planReplaceAll(String text, SearchQuery query, String replacement) {
        return plan(text, query, replacement, 0, Integer.MAX_VALUE);
    }

    /** The replacement for the one match that starts at {@code start}; empty if no match starts there. */
    public static List<Replacement> planReplaceAt(String text, SearchQuery query, String replacement, int start) {
        List<Replacement> planned = plan(text, query, replacement, start, 1);
        return planned.isEmpty() || planned.get(0).start() != start ? List.of() : planned;
    }

    private static List<Replacement> plan(String text, SearchQuery query, String replacement, int from, int limit) {
        Pattern pattern;
        try {
            pattern = query.compile();
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
        String template = query.regex() ? replacement : Matcher.quoteReplacement(replacement);
        Matcher matcher = pattern.matcher(text);
        // transparent bounds: a whole-word look-behind still sees the character before the region
        matcher.useTransparentBounds(true).useAnchoringBounds(false).region(Math.min(from, text.length()), text.length());
        List<Replacement> planned = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        int lastEnd = 0;
        while (planned.size() < limit && matcher.find()) {
            if (matcher.end() == matcher.start()) {
                continue;
            }
            // appendReplacement writes the text since the previous match, then the replacement: keep the latter
            int mark = out.length() + (matcher.start() - lastEnd);
            try {
                matcher.appendReplacement(out, template);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("Invalid replacement: " + e.getMessage() + ".", e);
            }
            planned.add(new Replacement(matcher.start(), matcher.end(), out.substring(mark)));
            lastEnd = matcher.end();
        }
        return planned;
    }

    /** "Invalid regular expression: Unclosed group (at position 4)." */
    public static String describe(PatternSyntaxException e) {
        String where = e.getIndex() >= 0 ? " (at position " + (e.getIndex() + 1) + ")" : "";
        return "Invalid regular expression: " + e.getDescription() + where + ".";
    }

    /** A text whose reads fail once the reading thread is interrupted, so a runaway regular expression can be stopped. */
    private record InterruptibleText(CharSequence text) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SearchCancelled();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new InterruptibleText(text.subSequence(start, end));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Thrown inside a search whose thread was interrupted. */
    public static final class SearchCancelled extends RuntimeException {
        SearchCancelled() {
            super("search cancelled", null, false, false);
        }
    }
}
