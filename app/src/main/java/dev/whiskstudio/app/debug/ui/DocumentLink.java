package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.editor.EditorArea;
import dev.whiskstudio.app.editor.LineChange;
import dev.whiskstudio.app.editor.gutter.BreakpointModel;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import org.reactfx.Subscription;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * Keeps one open document's gutter ({@link BreakpointModel}: the lines with an enabled breakpoint) and the
 * {@link BreakpointRegistry}'s breakpoints of its file in step, both ways.
 *
 * <p>The registry's changes (the breakpoints list, the gutter's menu) go to the gutter at once. The gutter's own
 * changes (clicks) come back to the registry a moment later, once per FX pulse: when lines are inserted or removed
 * the gutter moves its markers by removing and adding them, which is not a user's click; the registry moves its
 * breakpoints through the same text changes itself ({@link BreakpointRegistry#follow}), keeping their conditions,
 * and by the time the gutter's state is read back both agree.
 */
final class DocumentLink {
    private final EditorDocument document;
    private final Path file;
    private final BreakpointRegistry registry;
    private final BreakpointModel gutter;
    private final SetChangeListener<Integer> gutterChange = change -> scheduleReadBack();
    private final Consumer<BreakpointChange> registryChange = this::registryChanged;
    private final Subscription textChanges;
    private final ValueHover hover;
    private boolean readBackScheduled;
    /** True while the registry follows a text change: the gutter moves its markers by itself. */
    private boolean following;
    private boolean disposed;

    DocumentLink(EditorDocument document, BreakpointRegistry registry, DebugContext context) {
        this.document = document;
        this.file = document.path();
        this.registry = registry;
        this.gutter = document.breakpoints();
        EditorArea area = document.editor().area();
        for (UserBreakpoint b : registry.inFile(file)) {
            if (b.enabled()) {
                gutter.add(b.line());
            }
        }
        gutter.lines().addListener(gutterChange);
        registry.addListener(registryChange);
        textChanges = area.multiPlainChanges().subscribe(list -> {
            if (!list.isEmpty()) {
                List<LineChange> lines = LineChange.of(area, list);
                following = true;
                try {
                    registry.follow(file, lines);
                } finally {
                    following = false;
                }
            }
        });
        hover = new ValueHover(area, file, context);
        // lines set in the gutter before the link existed are breakpoints too
        readBack();
    }

    EditorDocument document() {
        return document;
    }

    ValueHover hover() {
        return hover;
    }

    void dispose() {
        disposed = true;
        gutter.lines().removeListener(gutterChange);
        registry.removeListener(registryChange);
        textChanges.unsubscribe();
        hover.dispose();
    }

    private void registryChanged(BreakpointChange change) {
        if (following || disposed || !change.file().equals(file)) {
            return;
        }
        Set<Integer> before = enabledLines(change.before());
        Set<Integer> after = enabledLines(change.after());
        for (int line : before) {
            if (!after.contains(line)) {
                gutter.remove(line);
            }
        }
        for (int line : after) {
            if (!before.contains(line)) {
                gutter.add(line);
            }
        }
    }

    private void scheduleReadBack() {
        if (!readBackScheduled) {
            readBackScheduled = true;
            Platform.runLater(this::readBack);
        }
    }

    /** The gutter's lines are the file's enabled breakpoints: clicked ones are added, unclicked ones removed. */
    private void readBack() {
        readBackScheduled = false;
        if (disposed) {
            return;
        }
        SortedSet<Integer> lines = gutter.sorted();
        List<UserBreakpoint> next = new ArrayList<>();
        Set<Integer> known = new HashSet<>();
        for (UserBreakpoint b : registry.inFile(file)) {
            known.add(b.line());
            if (lines.contains(b.line())) {
                next.add(b.enabled() ? b : b.withEnabled(true));
            } else if (!b.enabled()) {
                next.add(b);
            }
        }
        for (int line : lines) {
            if (!known.contains(line)) {
                next.add(UserBreakpoint.at(file, line));
            }
        }
        registry.replaceFile(file, next);
    }

    private static Set<Integer> enabledLines(List<UserBreakpoint> breakpoints) {
        Set<Integer> lines = new HashSet<>();
        for (UserBreakpoint b : breakpoints) {
            if (b.enabled()) {
                lines.add(b.line());
            }
        }
        return lines;
    }
}
