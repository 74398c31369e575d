package dev.whiskstudio.app.debug.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * What was typed in the console, walked with Up and Down as a shell does: Up goes to older entries, Down back to
 * newer ones and finally to the text being typed before the walk began. Repeats in a row are kept once.
 */
final class CommandHistory {
    private final int limit;
    private final List<String> entries = new ArrayList<>();
    /** The entry shown, {@code entries.size()} when back at the draft. */
    private int position;
    private String draft = "";

    CommandHistory(int limit) {
        this.limit = limit;
    }

    void add(String command) {
        if (!command.isBlank() && (entries.isEmpty() || !entries.get(entries.size() - 1).equals(command))) {
            entries.add(command);
            if (entries.size() > limit) {
                entries.remove(0);
            }
        }
        position = entries.size();
        draft = "";
    }

    /** The older entry, or null at the oldest; {@code current} is kept as the draft when the walk begins. */
    String previous(String current) {
        if (position == 0) {
            return null;
        }
        if (position == entries.size()) {
            draft = current;
        }
        position--;
        return entries.get(position);
    }

    /** The newer entry, the draft past the newest, or null when already at the draft. */
    String next() {
        if (position >= entries.size()) {
            return null;
        }
        position++;
        return position == entries.size() ? draft : entries.get(position);
    }

    List<String> entries() {
        return List.copyOf(entries);
    }
}
