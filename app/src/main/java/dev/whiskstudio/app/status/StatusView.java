package dev.whiskstudio.app.status;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.whiskstudio.app.ui.AppIconImages;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The window's content for now: the app's title bar over the simulator, namespace and Node.js cards. */
public final class StatusView extends BorderPane {

    public StatusView(StatusModel model) {
        getStyleClass().add("status-view");
        setTop(header());

        VBox cards = new VBox(new SimulatorCard(model), new NamespaceCard(model), new NodeCard(model));
        cards.getStyleClass().add("cards");
        // the column keeps a readable width on a wide window and stays centred
        StackPane page = new StackPane(cards);
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        setCenter(scroll);
    }

    private static StackPane header() {
        Label title = new Label("Whisk Studio");
        title.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        Label subtitle = new Label("Develop and debug OpenWhisk actions on a local simulator");
        subtitle.getStyleClass().addAll(Styles.TEXT_MUTED, "app-subtitle");
        ImageView mark = new ImageView(AppIconImages.largest());
        mark.setFitWidth(36);
        mark.setPreserveRatio(true);
        mark.setSmooth(true);
        mark.getStyleClass().add("app-mark");
        HBox row = new HBox(mark, new VBox(title, subtitle));
        row.getStyleClass().add("app-header-row");
        // the same centred column as the cards below, so their left edges line up
        StackPane header = new StackPane(row);
        header.getStyleClass().add("app-header");
        return header;
    }
}
