package dev.whiskstudio.app.json;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A JSON document as a tree: objects and arrays expand (their rows are made on first expansion, so a large document
 * costs nothing until opened), each row reads {@code key: value} with the value coloured by type, a long string is
 * cut with "… N more", and an object or array with more than {@link #batchSize()} children shows a "… N more" row
 * that shows the next batch when activated (double-click or Enter). The context menu copies a row's value or path.
 */
public class JsonTreeView extends TreeView<JsonRow> {
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int DEFAULT_STRING_LIMIT = 200;

    private final ObjectProperty<JsonNode> json = new SimpleObjectProperty<>(this, "json");
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int stringLimit = DEFAULT_STRING_LIMIT;
    private Consumer<String> clipboard = ClipboardText::put;

    public JsonTreeView() {
        getStyleClass().add("json-tree");
        getStylesheets().add(ViewsStyleSheet.url());
        setShowRoot(true);
        setCellFactory(view -> new JsonCell(this));
        json.addListener((obs, old, now) -> rebuild());
        setContextMenu(contextMenu());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && showMore(getSelectionModel().getSelectedItem())) {
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                showMore(getSelectionModel().getSelectedItem());
            }
        });
    }

    public JsonTreeView(JsonNode document) {
        this();
        setJson(document);
    }

    public ObjectProperty<JsonNode> jsonProperty() {
        return json;
    }

    public JsonNode getJson() {
        return json.get();
    }

    /** Shows a document (null shows nothing); the top level opens at once. */
    public void setJson(JsonNode document) {
        json.set(document);
    }

    public int batchSize() {
        return batchSize;
    }

    /** How many children of an object or array are shown before a "… N more" row; applies to the next document. */
    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.batchSize = batchSize;
        rebuild();
    }

    public int stringLimit() {
        return stringLimit;
    }

    /** How many characters of a string a row shows before "… N more". */
    public void setStringLimit(int stringLimit) {
        if (stringLimit < 1) {
            throw new IllegalArgumentException("string limit must be at least 1");
        }
        this.stringLimit = stringLimit;
        refresh();
    }

    /** Where the copy commands put their text; the system clipboard unless replaced. */
    public void setClipboard(Consumer<String> clipboard) {
        this.clipboard = Objects.requireNonNull(clipboard);
    }

    /** The text "copy value" gives for a row: a string as it is, anything else as indented JSON; null for a "more" row. */
    public static String valueText(JsonRow row) {
        return row instanceof JsonRow.Value v ? JsonValueText.copyText(v.value()) : null;
    }

    /** The JSONPath of a row ({@code $} for the document); for a "more" row, its container's. */
    public static String pathText(JsonRow row) {
        return row instanceof JsonRow.Value v ? v.path() : ((JsonRow.More) row).parentPath();
    }

    public void copyValue(TreeItem<JsonRow> item) {
        String text = item == null ? null : valueText(item.getValue());
        if (text != null) {
            clipboard.accept(text);
        }
    }

    public void copyPath(TreeItem<JsonRow> item) {
        if (item != null) {
            clipboard.accept(pathText(item.getValue()));
        }
    }

    /** Replaces a "… N more" row with the next batch of its container's children; false when the row is not one. */
    public boolean showMore(TreeItem<JsonRow> item) {
        if (item == null || !(item.getValue() instanceof JsonRow.More more) || item.getParent() == null) {
            return false;
        }
        TreeItem<JsonRow> parent = item.getParent();
        int at = parent.getChildren().indexOf(item);
        parent.getChildren().remove(at);
        parent.getChildren().addAll(at, JsonItem.batch(more.container(), more.parentPath(), more.from(), batchSize));
        getSelectionModel().select(parent.getChildren().get(at));
        return true;
    }

    String display(JsonNode value) {
        return JsonValueText.display(value, stringLimit);
    }

    private void rebuild() {
        JsonNode document = json.get();
        if (document == null) {
            setRoot(null);
            return;
        }
        JsonItem root = new JsonItem(new JsonRow.Value(null, document, JsonPaths.ROOT), batchSize);
        root.setExpanded(true);
        setRoot(root);
    }

    private ContextMenu contextMenu() {
        MenuItem copyValue = new MenuItem("Copy value");
        copyValue.setId("json-copy-value");
        copyValue.setOnAction(e -> copyValue(getSelectionModel().getSelectedItem()));
        MenuItem copyPath = new MenuItem("Copy path");
        copyPath.setId("json-copy-path");
        copyPath.setOnAction(e -> copyPath(getSelectionModel().getSelectedItem()));
        ContextMenu menu = new ContextMenu(copyValue, copyPath);
        menu.setOnShowing(e -> {
            TreeItem<JsonRow> selected = getSelectionModel().getSelectedItem();
            copyValue.setDisable(selected == null || !(selected.getValue() instanceof JsonRow.Value));
            copyPath.setDisable(selected == null);
        });
        return menu;
    }
}
