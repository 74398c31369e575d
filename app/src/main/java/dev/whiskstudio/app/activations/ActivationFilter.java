package dev.whiskstudio.app.activations;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the list shows, as the user chose it (and as a saved filter stores it).
 *
 * <p>Text: words separated by spaces, each of which must occur (case-insensitively) in the action's path or name,
 * the activation id, or, with {@code searchDocs}, the logs or result of the whole record. Action: {@code pkg/name}
 * (or {@code name}) for one action, {@code pkg/} for every action of a package, empty for all.
 *
 * @param text       the words to find; empty for none
 * @param searchDocs whether the words are also looked for in logs and results
 * @param status     which outcomes
 * @param start      which start kinds
 * @param action     an action path, a package with a trailing slash, or empty
 * @param range      which start times
 */
public record ActivationFilter(String text, boolean searchDocs, StatusChoice status, StartChoice start, String action,
                               TimeRange range) {
    public static final ActivationFilter ALL = new ActivationFilter("", false, StatusChoice.ANY, StartChoice.ANY, "",
            TimeRange.ALL);

    public ActivationFilter {
        text = text == null ? "" : text;
        status = status == null ? StatusChoice.ANY : status;
        start = start == null ? StartChoice.ANY : start;
        action = action == null ? "" : action.strip();
        range = range == null ? TimeRange.ALL : range;
    }

    public ActivationFilter withText(String value) {
        return new ActivationFilter(value, searchDocs, status, start, action, range);
    }

    public ActivationFilter withSearchDocs(boolean value) {
        return new ActivationFilter(text, value, status, start, action, range);
    }

    public ActivationFilter withStatus(StatusChoice value) {
        return new ActivationFilter(text, searchDocs, value, start, action, range);
    }

    public ActivationFilter withStart(StartChoice value) {
        return new ActivationFilter(text, searchDocs, status, value, action, range);
    }

    public ActivationFilter withAction(String value) {
        return new ActivationFilter(text, searchDocs, status, start, value, range);
    }

    public ActivationFilter withRange(TimeRange value) {
        return new ActivationFilter(text, searchDocs, status, start, action, value);
    }

    /** The words of the text, lower-cased. */
    public String[] terms() {
        String stripped = text.strip().toLowerCase(Locale.ROOT);
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }

    /** Whether this filter reads the logs and results of whole records. */
    public boolean needsDocs() {
        return searchDocs && terms().length > 0;
    }

    /** The filter as a test over log entries, with relative time ranges fixed at {@code now} (epoch ms). */
    public CompiledFilter compile(long now) {
        return new CompiledFilter(terms(), needsDocs(), status, start, action, range.lowest(now), range.highest());
    }

    /** A compiled filter: plain fields and a loop, as it runs over every row of the log. */
    public static final class CompiledFilter {
        private final String[] terms;
        private final boolean docs;
        private final StatusChoice status;
        private final StartChoice start;
        private final String action;
        private final boolean actionIsPackage;
        private final long lowest;
        private final long highest;

        CompiledFilter(String[] terms, boolean docs, StatusChoice status, StartChoice start, String action,
                       long lowest, long highest) {
            this.terms = terms;
            this.docs = docs;
            this.status = status == StatusChoice.ANY ? null : status;
            this.start = start == StartChoice.ANY ? null : start;
            this.action = action.isEmpty() ? null : action;
            this.actionIsPackage = action.endsWith("/");
            this.lowest = lowest;
            this.highest = highest;
        }

        public boolean test(LogEntry entry) {
            ActivationRow row = entry.row();
            if (row.start() < lowest || row.start() > highest) {
                return false;
            }
            if (status != null && !status.accepts(row.status())) {
                return false;
            }
            if (start != null && !start.accepts(row.startKind())) {
                return false;
            }
            if (action != null && !(actionIsPackage ? row.path().startsWith(action) : row.path().equals(action))) {
                return false;
            }
            if (terms.length == 0) {
                return true;
            }
            String key = entry.searchKey();
            String doc = docs ? entry.docText() : null;
            for (String term : terms) {
                if (!key.contains(term) && (doc == null || !doc.contains(term))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether an entry's answer may still change once its whole record is read. */
        public boolean waitsForDocs(LogEntry entry) {
            return docs && entry.docText() == null;
        }

        public boolean readsDocs() {
            return docs;
        }

        @Override
        public String toString() {
            return "CompiledFilter" + Arrays.toString(terms);
        }
    }
}
