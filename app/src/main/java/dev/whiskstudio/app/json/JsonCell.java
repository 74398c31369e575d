package dev.whiskstudio.app.json;

import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

/** A row: the key (muted) and the value coloured by its type, or the "… N more" marker. */
final class JsonCell extends TreeCell<JsonRow> {
    private final JsonTreeView tree;
    private final Label key = new Label();
    private final Label value = new Label();
    private final HBox row = new HBox(key, value);

    JsonCell(JsonTreeView tree) {
        this.tree = tree;
        key.getStyleClass().add("json-key");
        value.getStyleClass().add("json-value");
        row.getStyleClass().add("json-row");
    }

    @Override
    protected void updateItem(JsonRow item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        value.getStyleClass().removeIf(c -> c.startsWith("json-") && !c.equals("json-value"));
        if (item instanceof JsonRow.Value v) {
            key.setText(v.label() == null ? "" : v.label() + ":");
            key.setVisible(v.label() != null);
            key.setManaged(v.label() != null);
            value.setText(tree.display(v.value()));
            value.getStyleClass().add(JsonValueText.styleClass(v.value()));
        } else {
            JsonRow.More more = (JsonRow.More) item;
            key.setVisible(false);
            key.setManaged(false);
            value.setText("… " + more.remaining() + " more");
            value.getStyleClass().add("json-more");
        }
        setGraphic(row);
    }
}
