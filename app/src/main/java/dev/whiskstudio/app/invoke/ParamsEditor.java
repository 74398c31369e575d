package dev.whiskstudio.app.invoke;

import javafx.beans.property.StringProperty;
import javafx.scene.Node;

/**
 * The text editor of the parameters, behind a small interface so a code editor (RichTextFX) can replace the plain
 * {@link TextAreaParamsEditor}.
 */
public interface ParamsEditor {

    /** The node to put in the panel. */
    Node node();

    /** The text, observable for live validation and settable to recall an earlier input. */
    StringProperty textProperty();

    default String getText() {
        return textProperty().get();
    }

    default void setText(String text) {
        textProperty().set(text);
    }
}
