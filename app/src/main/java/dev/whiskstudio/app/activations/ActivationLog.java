package dev.whiskstudio.app.activations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The activations a view holds, newest first (by start, then id), at most one per id: rows arrive from history pages
 * and live feeds in any order and are merged in. It holds hundreds of thousands of rows; filtering works on a
 * {@link #snapshot()}. Thread-safe: feeds add from their threads; listeners are told after each change, on the
 * thread that made it.
 */
public final class ActivationLog {
    /** Newest first; equal starts by id, so the order is total and stable. */
    public static final Comparator<LogEntry> ORDER = (a, b) -> {
        int byStart = Long.compare(b.row().start(), a.row().start());
        return byStart != 0 ? byStart : b.row().activationId().compareTo(a.row().activationId());
    };

    private LogEntry[] entries = new LogEntry[256];
    private int size;
    private final Map<String, LogEntry> byId = new HashMap<>();
    /** Each action path ("pkg/name") and package ("pkg/") with how many rows have it. */
    private final Map<String, Integer> paths = new TreeMap<>();
    private long version;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Runs after every change (on the changing thread). */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Merges rows in: a new id is added in its place; a known id is replaced when the row says more (a row that
     * lost the container the log's row had keeps the log's). Answers how many ids were new.
     */
    public int add(Collection<ActivationRow> rows) {
        int added = 0;
        synchronized (this) {
            List<LogEntry> fresh = new ArrayList<>(rows.size());
            // one row per id in a batch (the last), so an id is never merged in twice
            Map<String, ActivationRow> batch = new LinkedHashMap<>();
            rows.forEach(r -> batch.put(r.activationId(), r));
            for (ActivationRow row : batch.values()) {
                LogEntry known = byId.get(row.activationId());
                if (known == null) {
                    LogEntry entry = new LogEntry(row, null);
                    byId.put(row.activationId(), entry);
                    fresh.add(entry);
                    countPath(row, 1);
                    added++;
                } else if (replaces(known.row(), row)) {
                    LogEntry entry = new LogEntry(row, known.docText());
                    byId.put(row.activationId(), entry);
                    countPath(known.row(), -1);
                    countPath(row, 1);
                    int at = Arrays.binarySearch(entries, 0, size, known, ORDER);
                    if (at >= 0 && row.start() == known.row().start()) {
                        entries[at] = entry;
                    } else {
                        if (at >= 0) {
                            System.arraycopy(entries, at + 1, entries, at, size - at - 1);
                            entries[--size] = null;
                        }
                        fresh.add(entry);
                    }
                }
            }
            merge(fresh);
            version++;
        }
        fireChanged();
        return added;
    }

    private static boolean replaces(ActivationRow known, ActivationRow incoming) {
        if (known.equals(incoming)) {
            return false;
        }
        return incoming.containerId() != null || known.containerId() == null;
    }

    /** Merges sorted new entries into the sorted array in one pass. */
    private void merge(List<LogEntry> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(ORDER);
        if (size == 0 || ORDER.compare(entries[size - 1], fresh.get(0)) < 0) {
            // all older than what is held (a history page): append in place
            if (entries.length < size + fresh.size()) {
                entries = Arrays.copyOf(entries, grow(size + fresh.size()));
            }
            for (LogEntry e : fresh) {
                entries[size++] = e;
            }
            return;
        }
        LogEntry[] merged = new LogEntry[Math.max(entries.length, grow(size + fresh.size()))];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < size && j < fresh.size()) {
            merged[k++] = ORDER.compare(entries[i], fresh.get(j)) <= 0 ? entries[i++] : fresh.get(j++);
        }
        while (i < size) {
            merged[k++] = entries[i++];
        }
        while (j < fresh.size()) {
            merged[k++] = fresh.get(j++);
        }
        entries = merged;
        size = k;
    }

    private static int grow(int needed) {
        int capacity = 256;
        while (capacity < needed) {
            capacity = capacity + (capacity >> 1);
        }
        return capacity;
    }

    private void countPath(ActivationRow row, int delta) {
        paths.merge(row.path(), delta, (a, b) -> a + b == 0 ? null : a + b);
        int slash = row.path().indexOf('/');
        if (slash > 0) {
            paths.merge(row.path().substring(0, slash + 1), delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** Stores the logs-and-result text of a whole record of a row in the log; false when the log lacks the id. */
    public boolean setDocText(String activationId, String text) {
        synchronized (this) {
            LogEntry entry = byId.get(activationId);
            if (entry == null || Objects.equals(entry.docText(), text)) {
                return entry != null;
            }
            entry.setDocText(text);
            version++;
        }
        fireChanged();
        return true;
    }

    /** Stores the texts of many records at once (one change for listeners); ids the log lacks are skipped. */
    public void setDocTexts(Map<String, String> texts) {
        boolean changed = false;
        synchronized (this) {
            for (Map.Entry<String, String> t : texts.entrySet()) {
                LogEntry entry = byId.get(t.getKey());
                if (entry != null && !Objects.equals(entry.docText(), t.getValue())) {
                    entry.setDocText(t.getValue());
                    changed = true;
                }
            }
            if (changed) {
                version++;
            }
        }
        if (changed) {
            fireChanged();
        }
    }

    /** The entries whose whole record has not been read yet, newest first. */
    public synchronized List<LogEntry> withoutDocText() {
        List<LogEntry> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (entries[i].docText() == null) {
                out.add(entries[i]);
            }
        }
        return out;
    }

    public synchronized LogSnapshot snapshot() {
        return new LogSnapshot(Arrays.copyOf(entries, size), version, List.copyOf(paths.keySet()));
    }

    public synchronized LogEntry get(String activationId) {
        return byId.get(activationId);
    }

    public synchronized int size() {
        return size;
    }

    /** Goes up with every change. */
    public synchronized long version() {
        return version;
    }

    /** The newest start held (the target's clock), 0 when empty. */
    public synchronized long newestStart() {
        return size == 0 ? 0 : entries[0].row().start();
    }

    public void clear() {
        synchronized (this) {
            entries = new LogEntry[256];
            size = 0;
            byId.clear();
            paths.clear();
            version++;
        }
        fireChanged();
    }

    private void fireChanged() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
