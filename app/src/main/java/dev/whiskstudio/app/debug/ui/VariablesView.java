package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.FrameScope;
import dev.whiskstudio.app.debug.StackFrame;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

import java.util.ArrayList;
import java.util.List;

/**
 * The variables of the selected frame: its scopes (the innermost open), each variable with its value, objects
 * expanding into their properties as the user opens them, read from the paused program only then.
 */
final class VariablesView extends TreeView<ValueRow> {
    private final DebugContext context;
    private final TreeItem<ValueRow> root = new TreeItem<>(ValueRow.scope("Variables"));
    private ValueTree tree;

    VariablesView(DebugContext context) {
        this.context = context;
        setId("debug-variables");
        getStyleClass().add("debug-variables");
        setRoot(root);
        setShowRoot(false);
        setCellFactory(view -> new ValueCell());
        context.sessionProperty().addListener((obs, old, now) -> tree = now == null ? null : new ValueTree(now));
        DebugSession current = context.currentSession().orElse(null);
        tree = current == null ? null : new ValueTree(current);
        context.selectedFrameProperty().addListener((obs, old, now) -> show(now));
        show(context.selectedFrame());
    }

    private void show(StackFrame frame) {
        if (frame == null || tree == null) {
            root.getChildren().setAll(List.of(new TreeItem<>(ValueRow.message("Not paused"))));
            return;
        }
        List<TreeItem<ValueRow>> scopes = new ArrayList<>();
        for (FrameScope scope : frame.scopes()) {
            scopes.add(tree.scope(scope));
        }
        if (scopes.isEmpty()) {
            scopes.add(new TreeItem<>(ValueRow.message("No variables")));
        }
        root.getChildren().setAll(scopes);
    }
}
