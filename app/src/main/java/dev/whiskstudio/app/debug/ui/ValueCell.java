package dev.whiskstudio.app.debug.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;

import java.util.List;

/**
 * A row of a value tree: the name, then the value coloured by its type; a getter's {@code (...)} is read when
 * clicked. Style classes: {@code debug-value-name}, {@code debug-value} and {@code value-<type>}, and on the cell
 * {@code debug-row-scope}, {@code debug-row-message}, {@code debug-row-error}, {@code debug-row-internal}.
 */
class ValueCell extends TreeCell<ValueRow> {
    private static final List<String> ROW_CLASSES = List.of("debug-row-scope", "debug-row-message", "debug-row-error",
            "debug-row-internal", "debug-row-accessor");

    private final Label name = new Label();
    private final Label separator = new Label("=");
    private final Label value = new Label();
    private final HBox row = new HBox(6, name, separator, value);

    ValueCell() {
        name.getStyleClass().add("debug-value-name");
        separator.getStyleClass().add("debug-value-separator");
        value.getStyleClass().add("debug-value");
        row.setAlignment(Pos.CENTER_LEFT);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && getTreeItem() instanceof ValueTree.LazyItem item
                    && item.isUnreadGetter()) {
                item.readGetter();
                e.consume();
            }
        });
    }

    @Override
    protected void updateItem(ValueRow item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll(ROW_CLASSES);
        value.getStyleClass().removeIf(c -> c.startsWith("value-"));
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        name.setText(item.name());
        value.setText(item.value());
        boolean hasValue = item.kind() != ValueRow.Kind.SCOPE && item.kind() != ValueRow.Kind.MESSAGE;
        separator.setVisible(hasValue && !item.name().isEmpty());
        separator.setManaged(separator.isVisible());
        value.setVisible(hasValue);
        value.setManaged(hasValue);
        if (item.valueType() != null) {
            value.getStyleClass().add("value-" + item.valueType());
        }
        switch (item.kind()) {
            case SCOPE -> getStyleClass().add("debug-row-scope");
            case MESSAGE -> getStyleClass().add("debug-row-message");
            case ERROR -> getStyleClass().add("debug-row-error");
            case INTERNAL -> getStyleClass().add("debug-row-internal");
            case ACCESSOR -> getStyleClass().add("debug-row-accessor");
            default -> {
            }
        }
        setText(null);
        setGraphic(row);
    }
}
