package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.editor.LineChange;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The user's breakpoints in every file, open in an editor or not, kept across debug sessions: at most one per file
 * and line, sorted by file and line. Every change is told to the listeners as one {@link BreakpointChange} per file
 * (the editors' gutters and the session follow it) and shows in {@link #all()}. FX thread only.
 */
public final class BreakpointRegistry {
    private static final Comparator<UserBreakpoint> ORDER =
            Comparator.comparing((UserBreakpoint b) -> b.file().toString()).thenComparingInt(UserBreakpoint::line);

    private final Map<Path, TreeMap<Integer, UserBreakpoint>> byFile = new TreeMap<>();
    private final ObservableList<UserBreakpoint> all = FXCollections.observableArrayList();
    private final ObservableList<UserBreakpoint> readOnly = FXCollections.unmodifiableObservableList(all);
    private final List<Consumer<BreakpointChange>> listeners = new CopyOnWriteArrayList<>();

    /** Every breakpoint, sorted by file and line; read-only. */
    public ObservableList<UserBreakpoint> all() {
        return readOnly;
    }

    public void addListener(Consumer<BreakpointChange> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<BreakpointChange> listener) {
        listeners.remove(listener);
    }

    /** The files that have breakpoints. */
    public List<Path> files() {
        return List.copyOf(byFile.keySet());
    }

    public List<UserBreakpoint> inFile(Path file) {
        TreeMap<Integer, UserBreakpoint> lines = byFile.get(normalize(file));
        return lines == null ? List.of() : List.copyOf(lines.values());
    }

    public Optional<UserBreakpoint> at(Path file, int line) {
        TreeMap<Integer, UserBreakpoint> lines = byFile.get(normalize(file));
        return Optional.ofNullable(lines == null ? null : lines.get(line));
    }

    /** Adds a breakpoint, replacing the one on its line. */
    public void put(UserBreakpoint breakpoint) {
        change(breakpoint.file(), lines -> {
            lines.put(breakpoint.line(), breakpoint);
            return lines;
        });
    }

    public void remove(Path file, int line) {
        change(file, lines -> {
            lines.remove(line);
            return lines;
        });
    }

    /** Changes the breakpoint on a line, if there is one. */
    public void update(Path file, int line, UnaryOperator<UserBreakpoint> edit) {
        change(file, lines -> {
            UserBreakpoint old = lines.get(line);
            if (old != null) {
                lines.put(line, edit.apply(old).atLine(line));
            }
            return lines;
        });
    }

    /** Sets the condition of the line's breakpoint (made, enabled, if there is none); blank takes it off. */
    public void setCondition(Path file, int line, String condition) {
        UserBreakpoint old = at(file, line).orElse(UserBreakpoint.at(file, line));
        put(old.withCondition(condition));
    }

    /** Sets the log message of the line's breakpoint (made, enabled, if there is none); blank makes it a plain one. */
    public void setLogMessage(Path file, int line, String message) {
        UserBreakpoint old = at(file, line).orElse(UserBreakpoint.at(file, line));
        put(old.withLogMessage(message));
    }

    public void setEnabled(Path file, int line, boolean enabled) {
        update(file, line, b -> b.withEnabled(enabled));
    }

    /** Makes the file's breakpoints exactly {@code breakpoints}. */
    public void replaceFile(Path file, List<UserBreakpoint> breakpoints) {
        change(file, lines -> {
            TreeMap<Integer, UserBreakpoint> next = new TreeMap<>();
            for (UserBreakpoint b : breakpoints) {
                next.put(b.line(), b);
            }
            return next;
        });
    }

    public void removeAll() {
        for (Path file : files()) {
            replaceFile(file, List.of());
        }
    }

    /**
     * Moves the file's breakpoints with its text, as the editor's gutter moves its markers: a breakpoint stays with its
     * line's content; one whose line was taken away goes with it.
     */
    public void follow(Path file, List<LineChange> changes) {
        change(file, lines -> {
            TreeMap<Integer, UserBreakpoint> moved = new TreeMap<>();
            for (UserBreakpoint b : lines.values()) {
                int line = b.line() - 1;
                for (LineChange c : changes) {
                    if (line >= 0) {
                        line = c.mapLine(line);
                    }
                }
                if (line >= 0 && !moved.containsKey(line + 1)) {
                    moved.put(line + 1, b.atLine(line + 1));
                }
            }
            return moved;
        });
    }

    private void change(Path file, UnaryOperator<TreeMap<Integer, UserBreakpoint>> edit) {
        Path key = normalize(file);
        TreeMap<Integer, UserBreakpoint> current = byFile.getOrDefault(key, new TreeMap<>());
        List<UserBreakpoint> before = List.copyOf(current.values());
        TreeMap<Integer, UserBreakpoint> next = edit.apply(new TreeMap<>(current));
        List<UserBreakpoint> after = List.copyOf(next.values());
        if (before.equals(after)) {
            return;
        }
        if (next.isEmpty()) {
            byFile.remove(key);
        } else {
            byFile.put(key, next);
        }
        List<UserBreakpoint> sorted = new ArrayList<>();
        byFile.values().forEach(lines -> sorted.addAll(lines.values()));
        sorted.sort(ORDER);
        all.setAll(sorted);
        BreakpointChange event = new BreakpointChange(key, before, after);
        for (Consumer<BreakpointChange> listener : listeners) {
            listener.accept(event);
        }
    }

    private static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
