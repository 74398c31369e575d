package dev.whiskstudio.app.status;

import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A notice inside a card: icon, title and a description that wraps. Built from plain layout panes (not AtlantaFX's
 * {@code Message}) so the wrapped text's height follows the card's width instead of stretching the card.
 */
final class Banner extends HBox {
    /** How a banner looks: the style class picks its colours in the style sheet. */
    enum Kind {
        WARNING("banner-warning", Icon.STATUS_WARNING),
        DANGER("banner-danger", Icon.STATUS_ERROR);

        private final String styleClass;
        private final Icon icon;

        Kind(String styleClass, Icon icon) {
            this.styleClass = styleClass;
            this.icon = icon;
        }
    }

    private final Label description = new Label();

    Banner(String id, Kind kind, String title) {
        setId(id);
        getStyleClass().addAll("banner", kind.styleClass);
        Label heading = new Label(title);
        heading.getStyleClass().add("banner-title");
        description.getStyleClass().add("banner-description");
        description.setWrapText(true);
        VBox text = new VBox(heading, description);
        text.getStyleClass().add("banner-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(new IconGraphic(kind.icon, 16), text);
    }

    StringProperty descriptionProperty() {
        return description.textProperty();
    }

    /** Shown only while {@code shown} holds; a hidden banner takes no room. */
    Banner shownWhen(ObservableBooleanValue shown) {
        visibleProperty().bind(shown);
        managedProperty().bind(shown);
        return this;
    }
}
