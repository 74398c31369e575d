package dev.whiskstudio.app.status;

import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * A card of the status screen: a header row over a body, and an optional footer. Plain layout panes, so a card is
 * as tall as what it holds at the width it gets; the look (border, radius, padding) is in the style sheet.
 */
class StatusCard extends VBox {

    StatusCard(Node header, Node body) {
        getStyleClass().add("status-card");
        body.getStyleClass().add("card-body");
        getChildren().addAll(header, body);
    }

    void setFooter(Node footer) {
        footer.getStyleClass().add("card-footer");
        getChildren().add(footer);
    }
}
