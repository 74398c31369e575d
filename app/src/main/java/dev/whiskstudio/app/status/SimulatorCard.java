package dev.whiskstudio.app.status;

import atlantafx.base.theme.Styles;
import dev.whiskstudio.app.simulator.SimulatorState;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import dev.whiskstudio.sim.config.Profile;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/** The simulator's state, where to reach it, how it behaves and where it keeps its data. */
final class SimulatorCard extends StatusCard {
    private static final List<String> STATE_CLASSES = List.of("state-starting", "state-running", "state-failed", "state-stopped");

    SimulatorCard(StatusModel model) {
        super(new CardHeader(Icon.SIMULATOR, "Local simulator", stateBadge(model)), facts(model));
    }

    private static VBox facts(StatusModel model) {
        Label apiHost = value("api-host");
        apiHost.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case STARTING -> "not listening yet";
            case RUNNING -> model.apiHostProperty().get();
            case FAILED, STOPPED -> "not listening";
        }, model.stateProperty(), model.apiHostProperty()));
        Button copy = new Button("Copy");
        copy.setId("copy-api-host");
        copy.getStyleClass().addAll(Styles.SMALL, "copy-button");
        copy.disableProperty().bind(model.apiHostProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.apiHostProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox apiHostRow = new HBox(apiHost, copy);
        apiHostRow.getStyleClass().add("value-row");

        Label profile = value("profile");
        profile.setText(profileName(model.config().simulatorProfile()));
        Label dataDir = value("data-dir");
        dataDir.setText(model.config().simulatorDataDir().toAbsolutePath().toString());

        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        facts.addRow(0, key("API host"), apiHostRow);
        facts.addRow(1, key("Profile"), profile);
        facts.addRow(2, key("Data directory"), dataDir);

        Banner portNote = new Banner("port-note", Banner.Kind.WARNING, "Another port")
                .shownWhen(model.portNoteProperty().isEmpty().not());
        portNote.descriptionProperty().bind(model.portNoteProperty());

        Banner failure = new Banner("failure", Banner.Kind.DANGER, "The simulator did not start")
                .shownWhen(model.failureProperty().isEmpty().not());
        failure.descriptionProperty().bind(model.failureProperty());

        return new VBox(facts, portNote, failure);
    }

    private static Label stateBadge(StatusModel model) {
        Label badge = new Label();
        badge.setId("simulator-state");
        badge.getStyleClass().add("state-badge");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("state-spinner");
        IconGraphic ok = new IconGraphic(Icon.STATUS_OK, 14);
        IconGraphic error = new IconGraphic(Icon.STATUS_ERROR, 14);
        Runnable show = () -> {
            SimulatorState state = model.stateProperty().get();
            badge.setText(switch (state) {
                case STARTING -> "Starting…";
                case RUNNING -> "Running";
                case FAILED -> "Failed";
                case STOPPED -> "Stopped";
            });
            badge.setGraphic(switch (state) {
                case STARTING -> spinner;
                case RUNNING -> ok;
                case FAILED, STOPPED -> error;
            });
            badge.getStyleClass().removeAll(STATE_CLASSES);
            badge.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT));
        };
        model.stateProperty().addListener((o, was, now) -> show.run());
        show.run();
        return badge;
    }

    static String profileName(Profile profile) {
        return switch (profile) {
            case OPENWHISK -> "Apache OpenWhisk";
            case ADOBE_IO_RUNTIME -> "Adobe I/O Runtime";
        };
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-key");
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("fact-value");
        return label;
    }
}
