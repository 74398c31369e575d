package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.EvalPurpose;
import dev.whiskstudio.app.debug.StackFrame;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

import java.util.ArrayList;
import java.util.List;

/**
 * The watch expressions and their values in the selected frame, evaluated again at every pause and frame change; an
 * exception is shown as the value. A field below adds one; double-click (or the menu) edits one, Delete (or the menu)
 * removes it. Object values expand like variables.
 */
final class WatchesView extends BorderPane {
    private final DebugContext context;
    private final ObservableList<String> watches;
    private final TreeView<ValueRow> list = new TreeView<>();
    private final TreeItem<ValueRow> root = new TreeItem<>(ValueRow.scope("Watches"));
    private final TextField input = new TextField();
    private ValueTree tree;
    /** Counts the rounds of evaluation; an answer of an older round is dropped. */
    private long round;

    WatchesView(DebugContext context) {
        this.context = context;
        this.watches = context.watches();
        getStyleClass().add("debug-watches-pane");
        list.setId("debug-watches");
        list.getStyleClass().add("debug-watches");
        list.setRoot(root);
        list.setShowRoot(false);
        list.setEditable(true);
        // at least three rows stay visible however small the panel: a watch out of sight is no use
        list.setMinHeight(84);
        list.setCellFactory(view -> new WatchCell());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
                e.consume();
            }
        });
        MenuItem edit = new MenuItem("Edit watch");
        edit.setId("debug-watch-edit");
        edit.setOnAction(e -> editSelected());
        MenuItem remove = new MenuItem("Remove watch");
        remove.setId("debug-watch-remove");
        remove.setOnAction(e -> removeSelected());
        MenuItem removeAll = new MenuItem("Remove all watches");
        removeAll.setOnAction(e -> watches.clear());
        list.setContextMenu(new ContextMenu(edit, remove, removeAll));

        input.setId("debug-watch-input");
        input.setPromptText("Add a watch expression");
        input.setOnAction(e -> {
            String text = input.getText().strip();
            if (!text.isEmpty()) {
                watches.add(text);
            }
            input.clear();
        });
        setCenter(list);
        setBottom(input);

        context.sessionProperty().addListener((obs, old, now) -> tree = now == null ? null : new ValueTree(now));
        DebugSession current = context.currentSession().orElse(null);
        tree = current == null ? null : new ValueTree(current);
        watches.addListener((ListChangeListener<String>) c -> evaluateAll());
        context.selectedFrameProperty().addListener((obs, old, now) -> evaluateAll());
        evaluateAll();
    }

    private void evaluateAll() {
        long thisRound = ++round;
        StackFrame frame = context.selectedFrame();
        DebugSession session = context.currentSession().orElse(null);
        List<TreeItem<ValueRow>> items = new ArrayList<>();
        for (String expression : watches) {
            String value = frame == null ? "not available" : "…";
            items.add(new TreeItem<>(new ValueRow(ValueRow.Kind.VARIABLE, expression, value, "pending")));
        }
        if (items.isEmpty()) {
            items.add(new TreeItem<>(ValueRow.message("No watches")));
        }
        root.getChildren().setAll(items);
        if (frame == null || session == null || tree == null) {
            return;
        }
        ValueTree values = tree;
        for (int i = 0; i < watches.size(); i++) {
            int index = i;
            String expression = watches.get(i);
            FxFutures.whenDone(session.evaluate(expression, frame, EvalPurpose.WATCH), (result, error) -> {
                if (thisRound != round) {
                    return;
                }
                TreeItem<ValueRow> item;
                if (error != null) {
                    item = new TreeItem<>(ValueRow.error(expression, FxFutures.message(error)));
                } else if (result.thrown()) {
                    item = new TreeItem<>(ValueRow.error(expression, result.error()));
                } else {
                    item = values.value("watch:" + expression,
                            ValueRow.variable(expression, result.value(), false), result.value());
                }
                root.getChildren().set(index, item);
            });
        }
    }

    private int selectedWatch() {
        TreeItem<ValueRow> item = list.getSelectionModel().getSelectedItem();
        if (item == null || item.getParent() != root) {
            return -1;
        }
        int index = root.getChildren().indexOf(item);
        return index < watches.size() ? index : -1;
    }

    private void removeSelected() {
        int index = selectedWatch();
        if (index >= 0) {
            watches.remove(index);
        }
    }

    private void editSelected() {
        TreeItem<ValueRow> item = list.getSelectionModel().getSelectedItem();
        if (selectedWatch() >= 0) {
            list.edit(item);
        }
    }

    /** A value row that edits a top-level watch's expression in place. */
    private final class WatchCell extends ValueCell {
        private TextField editor;

        WatchCell() {
            addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getClickCount() == 2 && getTreeItem() != null && getTreeItem().getParent() == root) {
                    list.edit(getTreeItem());
                    e.consume();
                }
            });
        }

        @Override
        public void startEdit() {
            TreeItem<ValueRow> item = getTreeItem();
            if (isEditing() && editor != null) {
                // a second click of the same double-click asks again; the field already open keeps its text
                return;
            }
            if (item == null || item.getParent() != root || root.getChildren().indexOf(item) >= watches.size()) {
                return;
            }
            super.startEdit();
            int index = root.getChildren().indexOf(item);
            editor = new TextField(watches.get(index));
            editor.setId("debug-watch-editor");
            editor.setOnAction(e -> {
                String text = editor.getText().strip();
                cancelEdit();
                if (text.isEmpty()) {
                    watches.remove(index);
                } else if (!text.equals(watches.get(index))) {
                    watches.set(index, text);
                }
            });
            editor.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    cancelEdit();
                    e.consume();
                }
            });
            setText(null);
            setGraphic(editor);
            editor.selectAll();
            TextField field = editor;
            // the field takes focus once it is laid out; the click that opened it gives focus to the tree first
            javafx.application.Platform.runLater(field::requestFocus);
        }

        @Override
        protected void updateItem(ValueRow item, boolean empty) {
            super.updateItem(item, empty);
            if (isEditing() && editor != null) {
                setGraphic(editor);
            }
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            editor = null;
            updateItem(getItem(), getItem() == null);
        }
    }

    /** For tests and the lead: the field that adds a watch. */
    TextField input() {
        return input;
    }
}
