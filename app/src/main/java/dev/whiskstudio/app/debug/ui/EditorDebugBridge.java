package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.editor.gutter.LineGutter;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import dev.whiskstudio.app.editor.tabs.EditorTab;
import dev.whiskstudio.app.editor.tabs.EditorTabs;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The debugger in the editor: every open document's gutter breakpoints are the {@link DebugContext}'s breakpoints of
 * its file (set, removed, moved with their lines as text is edited), and so the session's; a secondary click in the
 * gutter offers a condition, a log message, enable/disable and remove; while paused, the selected frame's file is
 * opened through the {@link SourceOpener} and its line marked as the execution line (cleared when the program runs on
 * or ends), and hovering a name shows its value. FX thread only.
 */
public final class EditorDebugBridge {
    private final DebugContext context;
    private final EditorTabs tabs;
    private final BreakpointRegistry registry;
    private final ExecutionLineMarker executionLine;
    private final Map<EditorDocument, DocumentLink> links = new IdentityHashMap<>();
    private final ListChangeListener<Tab> tabChange = change -> {
        while (change.next()) {
            for (Tab tab : change.getRemoved()) {
                if (tab instanceof EditorTab t) {
                    unlink(t.document());
                }
            }
            for (Tab tab : change.getAddedSubList()) {
                if (tab instanceof EditorTab t) {
                    link(t.document());
                }
            }
        }
    };
    private ContextMenu menu;

    /**
     * @param opener opens a file at a line and brings its tab forward ({@code tabs::openAt}, or the workbench's own
     *               that also shows the editor); used for the paused location, a selected frame and a breakpoint
     *               double-clicked in the panel
     */
    public EditorDebugBridge(DebugContext context, EditorTabs tabs, SourceOpener opener) {
        this.context = context;
        this.tabs = tabs;
        this.registry = context.breakpoints();
        this.executionLine = new ExecutionLineMarker(context, tabs, opener);
        context.setRevealer(opener);
        for (EditorDocument document : tabs.documents()) {
            link(document);
        }
        tabs.getTabs().addListener(tabChange);
    }

    /** Stops following the editor (the breakpoints stay in the context). */
    public void dispose() {
        tabs.getTabs().removeListener(tabChange);
        for (EditorDocument document : links.keySet().toArray(EditorDocument[]::new)) {
            unlink(document);
        }
    }

    private void link(EditorDocument document) {
        if (links.containsKey(document)) {
            return;
        }
        links.put(document, new DocumentLink(document, registry, context));
        document.editor().feature(LineGutter.class)
                .ifPresent(g -> g.setOnMarkerMenu((line, x, y) -> showMenu(document, line, x, y)));
        executionLine.documentOpened(document);
    }

    private void unlink(EditorDocument document) {
        DocumentLink link = links.remove(document);
        if (link != null) {
            link.dispose();
            document.editor().feature(LineGutter.class).ifPresent(g -> g.setOnMarkerMenu(null));
            executionLine.documentClosed(document);
        }
    }

    /** The breakpoint commands for a line of a document, at a point on the screen. */
    void showMenu(EditorDocument document, int line, double screenX, double screenY) {
        if (menu != null) {
            menu.hide();
        }
        Path file = document.path();
        Optional<UserBreakpoint> existing = registry.at(file, line);
        menu = new ContextMenu();
        menu.setId("debug-gutter-menu");
        if (existing.isEmpty()) {
            menu.getItems().addAll(
                    item("debug-gutter-add", "Add breakpoint", () -> registry.put(UserBreakpoint.at(file, line))),
                    item("debug-gutter-condition", "Add conditional breakpoint…",
                            () -> edit(document, line, BreakpointEditBar.Mode.CONDITION, null)),
                    item("debug-gutter-log", "Add logpoint…",
                            () -> edit(document, line, BreakpointEditBar.Mode.LOG_MESSAGE, null)));
        } else {
            UserBreakpoint b = existing.get();
            menu.getItems().addAll(
                    item("debug-gutter-condition", b.condition() == null ? "Add condition…" : "Edit condition…",
                            () -> edit(document, line, BreakpointEditBar.Mode.CONDITION, b.condition())),
                    item("debug-gutter-log", b.logMessage() == null ? "Make it a logpoint…" : "Edit log message…",
                            () -> edit(document, line, BreakpointEditBar.Mode.LOG_MESSAGE, b.logMessage())),
                    item("debug-gutter-enable", b.enabled() ? "Disable breakpoint" : "Enable breakpoint",
                            () -> registry.setEnabled(file, line, !b.enabled())),
                    new SeparatorMenuItem(),
                    item("debug-gutter-remove", "Remove breakpoint", () -> registry.remove(file, line)));
        }
        menu.show(document.editor(), screenX, screenY);
    }

    /** Shows the bar above the document's text that sets the line's condition or log message. */
    void edit(EditorDocument document, int line, BreakpointEditBar.Mode mode, String initial) {
        Path file = document.path();
        document.editor().bars().stream().filter(n -> n instanceof BreakpointEditBar)
                .forEach(document.editor()::removeBar);
        BreakpointEditBar[] bar = new BreakpointEditBar[1];
        bar[0] = new BreakpointEditBar(file, line, mode, initial, text -> {
            if (mode == BreakpointEditBar.Mode.CONDITION) {
                registry.setCondition(file, line, text);
            } else {
                registry.setLogMessage(file, line, text);
            }
        }, () -> {
            document.editor().removeBar(bar[0]);
            document.editor().requestFocus();
        });
        document.editor().showBar(bar[0]);
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    // ---- for tests

    ExecutionLineMarker executionLine() {
        return executionLine;
    }

    Optional<DocumentLink> link(Path file) {
        return links.values().stream().filter(l -> l.document().path().equals(file.toAbsolutePath().normalize()))
                .findFirst();
    }
}
