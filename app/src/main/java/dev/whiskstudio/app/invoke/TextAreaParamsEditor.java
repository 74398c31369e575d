package dev.whiskstudio.app.invoke;

import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.TextArea;

/** The parameters in a plain monospaced text area. */
public final class TextAreaParamsEditor implements ParamsEditor {
    private final TextArea area = new TextArea();

    public TextAreaParamsEditor() {
        area.setId("invoke-params");
        area.getStyleClass().add("invoke-params");
        area.setPromptText("{ \"name\": \"value\" }   (empty means {})");
        area.setPrefRowCount(6);
    }

    @Override
    public Node node() {
        return area;
    }

    @Override
    public StringProperty textProperty() {
        return area.textProperty();
    }
}
