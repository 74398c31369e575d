package dev.whiskstudio.app.workbench;

import atlantafx.base.theme.Styles;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import dev.whiskstudio.icons.Icon;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The toolbar's target picker: each target with its icon, name and host; the tooltip says where it comes from and
 * shows its key masked. The key itself is never shown.
 */
final class TargetChooser extends HBox {

    TargetChooser(TargetsModel targets, Runnable addCluster) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        Label label = new Label("Target");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        ComboBox<TargetEntry> box = new ComboBox<>(targets.entries());
        box.setId("target-chooser");
        box.setPrefWidth(280);
        box.valueProperty().bindBidirectional(targets.selectedProperty());
        box.setCellFactory(l -> new TargetCell(true));
        box.setButtonCell(new TargetCell(false));
        box.setPromptText("Starting the simulator…");
        Button add = new Button(null, new IconGraphic(Icon.CLUSTER, 14));
        add.setId("target-add");
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        add.setTooltip(new Tooltip("Add a cluster…"));
        add.setOnAction(e -> addCluster.run());
        getChildren().addAll(label, box, add);
    }

    /** A target as a row: icon and name, and in the list its host too. */
    private static final class TargetCell extends ListCell<TargetEntry> {
        private final boolean inList;

        TargetCell(boolean inList) {
            this.inList = inList;
        }

        @Override
        protected void updateItem(TargetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setGraphic(new IconGraphic(entry.source() == TargetSource.SIMULATOR ? Icon.SIMULATOR : Icon.CLUSTER, 14));
            setText(inList ? entry.name() + "  —  " + entry.apiHost() : entry.name());
            setTooltip(new Tooltip(entry.name() + "\n" + entry.apiHost() + "\nnamespace " + entry.namespaceOrDefault()
                    + "\nkey " + entry.maskedAuth() + "\nfrom " + entry.source().label()
                    + (entry.origin() == null ? "" : " (" + entry.origin() + ")")));
        }
    }
}
