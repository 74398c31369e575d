package dev.whiskstudio.app.activations;

import java.util.Locale;

/**
 * A row of the {@link ActivationLog} with what filtering reads, computed once: the lower-cased text that the quick
 * search matches (path and id), and, once the whole record has been fetched, the lower-cased text of its logs and
 * result (null until then).
 */
public final class LogEntry {
    private final ActivationRow row;
    private final String searchKey;
    private volatile String docText;

    LogEntry(ActivationRow row, String docText) {
        this.row = row;
        this.searchKey = (row.path() + '\n' + row.activationId()).toLowerCase(Locale.ROOT);
        this.docText = docText;
    }

    public ActivationRow row() {
        return row;
    }

    /** {@code path \n id}, lower-cased. */
    public String searchKey() {
        return searchKey;
    }

    /** Logs and result, lower-cased; null while the whole record has not been fetched. */
    public String docText() {
        return docText;
    }

    void setDocText(String text) {
        this.docText = text;
    }

    @Override
    public String toString() {
        return "LogEntry[" + row.activationId() + "]";
    }
}
