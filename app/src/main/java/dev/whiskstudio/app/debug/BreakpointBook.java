package dev.whiskstudio.app.debug;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's breakpoints: one per file and line, each with the engine's id once set and its status. Used on the
 * session's thread only.
 */
final class BreakpointBook {
    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Entry> byEngineId = new HashMap<>();

    private record Key(Path file, int line) {
        static Key of(Breakpoint bp) {
            return new Key(bp.file(), bp.line());
        }
    }

    /** One breakpoint's life in the session. */
    static final class Entry {
        final Breakpoint breakpoint;
        String engineId;
        BreakpointStatus status;

        Entry(Breakpoint breakpoint, BreakpointStatus status) {
            this.breakpoint = breakpoint;
            this.status = status;
        }
    }

    /** Adds {@code bp}; answers the entry it replaces on the same line, or null. */
    Entry put(Entry entry) {
        Entry old = entries.put(Key.of(entry.breakpoint), entry);
        if (old != null && old.engineId != null) {
            byEngineId.remove(old.engineId);
        }
        return old;
    }

    Entry remove(Path file, int line) {
        Entry old = entries.remove(new Key(file.toAbsolutePath().normalize(), line));
        if (old != null && old.engineId != null) {
            byEngineId.remove(old.engineId);
        }
        return old;
    }

    /** True while {@code entry} is the one the book holds for its line (not replaced or removed meanwhile). */
    boolean isCurrent(Entry entry) {
        return entries.get(Key.of(entry.breakpoint)) == entry;
    }

    void setEngineId(Entry entry, String engineId) {
        entry.engineId = engineId;
        byEngineId.put(engineId, entry);
    }

    Entry byEngineId(String engineId) {
        return byEngineId.get(engineId);
    }

    Collection<Entry> entries() {
        return List.copyOf(entries.values());
    }

    List<Entry> inFile(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.breakpoint.file().equals(normalized)) {
                found.add(e);
            }
        }
        return found;
    }

    List<BreakpointStatus> statuses() {
        List<BreakpointStatus> list = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            list.add(e.status);
        }
        return List.copyOf(list);
    }

    /** The session's breakpoints among the engine's ids of a pause. */
    List<Breakpoint> hit(List<String> engineIds) {
        List<Breakpoint> hit = new ArrayList<>();
        for (String id : engineIds) {
            Entry e = byEngineId.get(id);
            if (e != null) {
                hit.add(e.breakpoint);
            }
        }
        return hit;
    }
}
