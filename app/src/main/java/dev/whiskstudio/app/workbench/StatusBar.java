package dev.whiskstudio.app.workbench;

import atlantafx.base.theme.Styles;
import dev.whiskstudio.app.simulator.SimulatorState;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The line under the window: the target, the embedded simulator's state, how many activations are running, the
 * caret's position, and the long work under way with its progress and a Cancel.
 */
public final class StatusBar extends HBox {
    private final Label target = new Label();
    private final Label simulator = new Label();
    private final Label running = new Label();
    private final Label caret = new Label();
    private final Label workMessage = new Label();
    private final ProgressBar workProgress = new ProgressBar();
    private final Button cancel = new Button("Cancel");

    public StatusBar(ObservableStringValue targetText, ObservableValue<SimulatorState> simulatorState,
                     ObservableIntegerValue runningActivations, ObservableStringValue caretText, BackgroundWork work) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        target.setId("status-target");
        target.setGraphic(new IconGraphic(Icon.CLUSTER, 14));
        target.textProperty().bind(targetText);
        simulator.setId("status-simulator");
        simulator.setGraphic(new IconGraphic(Icon.SIMULATOR, 14));
        simulator.textProperty().bind(Bindings.createStringBinding(
                () -> "Simulator: " + label(simulatorState.getValue()), simulatorState));
        simulatorState.addListener((obs, old, state) -> stateClass(state));
        stateClass(simulatorState.getValue());
        running.setId("status-running");
        running.setGraphic(new IconGraphic(Icon.ACTIVATION, 14));
        running.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = runningActivations.get();
            return n == 1 ? "1 activation running" : n + " activations running";
        }, runningActivations));
        caret.setId("status-caret");
        caret.textProperty().bind(caretText);

        workMessage.setId("status-work");
        workProgress.setId("status-progress");
        workProgress.setPrefWidth(140);
        cancel.setId("status-cancel");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.setOnAction(e -> work.cancel());
        HBox workBox = new HBox(6, workMessage, workProgress, cancel);
        workBox.setAlignment(Pos.CENTER_LEFT);
        workBox.visibleProperty().bind(work.busyProperty());
        workBox.managedProperty().bind(work.busyProperty());
        work.currentProperty().addListener((obs, old, task) -> show(task));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(target, separator(), simulator, separator(), running, grow, workBox, separator(), caret);
    }

    private void show(Task<?> task) {
        workMessage.textProperty().unbind();
        workProgress.progressProperty().unbind();
        if (task != null) {
            workMessage.textProperty().bind(task.messageProperty());
            workProgress.progressProperty().bind(task.progressProperty());
        }
    }

    private void stateClass(SimulatorState state) {
        simulator.getStyleClass().removeAll("state-ok", "state-bad", "state-busy");
        simulator.getStyleClass().add(switch (state) {
            case RUNNING -> "state-ok";
            case FAILED -> "state-bad";
            default -> "state-busy";
        });
    }

    private static String label(SimulatorState state) {
        return switch (state) {
            case STARTING -> "starting…";
            case RUNNING -> "running";
            case FAILED -> "failed to start";
            case STOPPED -> "stopped";
        };
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
