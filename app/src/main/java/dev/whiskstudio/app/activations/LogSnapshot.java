package dev.whiskstudio.app.activations;

import java.util.List;

/**
 * The log at one moment, for work off the FX thread: its entries newest first (an array the log no longer touches),
 * the version it had, and the action paths and packages that occur in it, sorted.
 */
public record LogSnapshot(LogEntry[] entries, long version, List<String> paths) {

    public int size() {
        return entries.length;
    }
}
