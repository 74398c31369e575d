package dev.whiskstudio.app.status;

import atlantafx.base.theme.Styles;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.simulator.SimulatorState;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** How many actions, packages, triggers and rules the namespace holds, read through the REST API. */
final class NamespaceCard extends StatusCard {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Map<EntityCollection, Icon> ICONS = Map.of(
            EntityCollection.ACTIONS, Icon.ACTION,
            EntityCollection.PACKAGES, Icon.PACKAGE,
            EntityCollection.TRIGGERS, Icon.TRIGGER,
            EntityCollection.RULES, Icon.RULE);

    NamespaceCard(StatusModel model) {
        super(new CardHeader(Icon.NAMESPACE, "Namespace " + model.namespace(), refreshButton(model)), tiles(model));

        Label footer = new Label();
        footer.setId("counts-status");
        footer.getStyleClass().add("card-footnote");
        footer.textProperty().bind(Bindings.createStringBinding(() -> footnote(model),
                model.stateProperty(), model.countingProperty(), model.countsProblemProperty(), model.countedAtProperty()));
        model.countsProblemProperty().addListener((o, was, now) -> footer.pseudoClassStateChanged(PROBLEM, !now.isEmpty()));
        setFooter(footer);
    }

    private static Button refreshButton(StatusModel model) {
        Button refresh = new Button("Refresh", new IconGraphic(Icon.REFRESH, 14));
        refresh.setId("refresh-counts");
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.disableProperty().bind(model.stateProperty().isNotEqualTo(SimulatorState.RUNNING)
                .or(model.countingProperty()));
        refresh.setOnAction(e -> model.refreshCounts());
        return refresh;
    }

    private static HBox tiles(StatusModel model) {
        HBox tiles = new HBox();
        tiles.getStyleClass().add("count-tiles");
        for (EntityCollection collection : EntityCollection.values()) {
            tiles.getChildren().add(tile(model, collection));
        }
        return tiles;
    }

    private static VBox tile(StatusModel model, EntityCollection collection) {
        Label value = new Label();
        value.setId("count-" + collection.path());
        value.getStyleClass().add("count-value");
        value.textProperty().bind(Bindings.createStringBinding(() -> {
            NamespaceCounts counts = model.countsProperty().get();
            return counts == null ? "–" : Integer.toString(counts.of(collection));
        }, model.countsProperty()));
        Label name = new Label(collection.title(), new IconGraphic(ICONS.get(collection), 14));
        name.getStyleClass().add("count-name");
        VBox tile = new VBox(value, name);
        tile.getStyleClass().add("count-tile");
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }

    private static String footnote(StatusModel model) {
        if (!model.countsProblemProperty().get().isEmpty()) {
            return model.countsProblemProperty().get();
        }
        if (model.countingProperty().get()) {
            return "Counting…";
        }
        LocalTime at = model.countedAtProperty().get();
        if (at != null) {
            return "Counted at " + CLOCK.format(at) + " through the REST API";
        }
        return model.stateProperty().get() == SimulatorState.FAILED
                ? "Nothing to count: the simulator is not running."
                : "Counts appear once the simulator runs.";
    }
}
