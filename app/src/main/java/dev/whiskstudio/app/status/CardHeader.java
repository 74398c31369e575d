package dev.whiskstudio.app.status;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** A card's title row: icon, title, and whatever belongs at its right end (a badge, a button). */
final class CardHeader extends HBox {

    CardHeader(Icon icon, String title, Node... trailing) {
        Label label = new Label(title, new IconGraphic(icon, 18));
        label.getStyleClass().addAll(Styles.TITLE_4, "card-title");
        getStyleClass().add("card-header");
        getChildren().addAll(label, new Spacer());
        getChildren().addAll(trailing);
    }
}
