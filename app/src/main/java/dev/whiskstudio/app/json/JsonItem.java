package dev.whiskstudio.app.json;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A row of the tree whose children are made the first time it is expanded. */
final class JsonItem extends TreeItem<JsonRow> {
    private final int batchSize;
    private boolean childrenMade;

    JsonItem(JsonRow row, int batchSize) {
        super(row);
        this.batchSize = batchSize;
        expandedProperty().addListener((obs, was, expanded) -> {
            if (expanded) {
                makeChildren();
            }
        });
    }

    @Override
    public boolean isLeaf() {
        return !(getValue() instanceof JsonRow.Value v) || !v.value().isContainerNode() || v.value().isEmpty();
    }

    private void makeChildren() {
        if (childrenMade || !(getValue() instanceof JsonRow.Value v) || isLeaf()) {
            return;
        }
        childrenMade = true;
        getChildren().setAll(batch(v.value(), v.path(), 0, batchSize));
    }

    /** The children of a container from index {@code from}: at most {@code size} of them, then a "more" row if any are left. */
    static List<TreeItem<JsonRow>> batch(JsonNode container, String path, int from, int size) {
        List<TreeItem<JsonRow>> items = new ArrayList<>();
        int end = Math.min(container.size(), from + size);
        if (container.isArray()) {
            for (int i = from; i < end; i++) {
                items.add(new JsonItem(new JsonRow.Value("[" + i + "]", container.get(i), JsonPaths.index(path, i)), size));
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = container.fields();
            for (int i = 0; i < end && fields.hasNext(); i++) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (i >= from) {
                    items.add(new JsonItem(new JsonRow.Value(field.getKey(), field.getValue(),
                            JsonPaths.field(path, field.getKey())), size));
                }
            }
        }
        if (end < container.size()) {
            items.add(new JsonItem(new JsonRow.More(container, path, end), size));
        }
        return items;
    }
}
