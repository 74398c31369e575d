package dev.whiskstudio.app.status;

import atlantafx.base.theme.Styles;
import dev.whiskstudio.app.node.NodeCheck;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** Whether the {@code node} that runs nodejs actions is installed, and how to install it when it is not. */
final class NodeCard extends StatusCard {
    static final String INSTALL_HELP = "The simulator runs nodejs actions with the node on the PATH. Install Node.js "
            + NodeCheck.MINIMUM_MAJOR + " or newer from nodejs.org or your package manager (for example "
            + "'sudo apt install nodejs', 'brew install node' or 'winget install OpenJS.NodeJS.LTS'), then check again.";

    NodeCard(StatusModel model) {
        super(new CardHeader(Icon.NODEJS, "Node.js", recheckButton(model)), body(model));
    }

    private static Button recheckButton(StatusModel model) {
        Button recheck = new Button("Check again");
        recheck.setId("recheck-node");
        recheck.getStyleClass().add(Styles.SMALL);
        recheck.disableProperty().bind(model.nodeProperty().isNull());
        recheck.setOnAction(e -> model.checkNode());
        return recheck;
    }

    private static VBox body(StatusModel model) {
        Label status = new Label();
        status.setId("node-status");
        status.getStyleClass().add("node-status");
        status.setWrapText(true);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("state-spinner");
        IconGraphic ok = new IconGraphic(Icon.STATUS_OK, 14);
        IconGraphic missing = new IconGraphic(Icon.STATUS_WARNING, 14);
        status.textProperty().bind(Bindings.createStringBinding(() -> describe(model.nodeProperty().get()),
                model.nodeProperty()));
        status.graphicProperty().bind(Bindings.createObjectBinding(() -> {
            NodeCheck node = model.nodeProperty().get();
            if (node == null) {
                return spinner;
            }
            return usable(node) ? (Node) ok : missing;
        }, model.nodeProperty()));
        model.nodeProperty().addListener((o, was, now) -> {
            status.getStyleClass().removeAll("node-ok", "node-missing");
            if (now != null) {
                status.getStyleClass().add(usable(now) ? "node-ok" : "node-missing");
            }
        });

        Banner help = new Banner("node-help", Banner.Kind.WARNING,
                "Node.js " + NodeCheck.MINIMUM_MAJOR + " or newer is needed to run actions")
                .shownWhen(Bindings.createBooleanBinding(() -> {
                    NodeCheck node = model.nodeProperty().get();
                    return node != null && !usable(node);
                }, model.nodeProperty()));
        help.descriptionProperty().set(INSTALL_HELP);
        return new VBox(status, help);
    }

    private static boolean usable(NodeCheck node) {
        return node instanceof NodeCheck.Found found && found.supported();
    }

    static String describe(NodeCheck node) {
        if (node == null) {
            return "Looking for node on the PATH…";
        }
        if (node instanceof NodeCheck.Found found) {
            if (found.supported()) {
                return "Node.js " + found.version() + " is on the PATH.";
            }
            return found.major() < 0
                    ? "'node --version' answered '" + found.version() + "', which is not a version this app knows."
                    : "Node.js " + found.version() + " is on the PATH, but it is older than " + NodeCheck.MINIMUM_MAJOR + ".";
        }
        return "Node.js was not found: " + ((NodeCheck.Missing) node).reason() + ".";
    }
}
