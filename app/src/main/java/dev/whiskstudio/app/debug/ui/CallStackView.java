package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.PausedState;
import dev.whiskstudio.app.debug.StackFrame;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The paused stack, innermost first: each frame's function and location (the user's file and line, or the script's
 * for runtime frames, which are muted). Selecting a frame makes it the context's selected frame, which the variables,
 * watches and console use and the editor reveals.
 */
final class CallStackView extends ListView<StackFrame> {
    private final DebugContext context;
    /** True while the list follows the context, so its own selection events are not taken for the user's. */
    private boolean syncing;

    CallStackView(DebugContext context) {
        this.context = context;
        setId("debug-call-stack");
        getStyleClass().add("debug-call-stack");
        setPlaceholder(new Label("Not paused"));
        setCellFactory(list -> new FrameCell());
        context.pausedProperty().addListener((obs, old, now) -> show(now));
        context.selectedFrameProperty().addListener((obs, old, now) -> select(now));
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                context.selectFrame(now);
            }
        });
        show(context.pausedProperty().get());
    }

    private void show(PausedState paused) {
        syncing = true;
        try {
            if (paused == null) {
                getItems().clear();
            } else {
                getItems().setAll(paused.frames());
            }
        } finally {
            syncing = false;
        }
        select(context.selectedFrame());
    }

    private void select(StackFrame frame) {
        syncing = true;
        try {
            if (frame == null) {
                getSelectionModel().clearSelection();
            } else {
                getSelectionModel().select(frame);
                scrollTo(frame);
            }
        } finally {
            syncing = false;
        }
    }

    private static final class FrameCell extends ListCell<StackFrame> {
        private final Label name = new Label();
        private final Label location = new Label();
        private final HBox row;

        FrameCell() {
            name.getStyleClass().add("debug-frame-name");
            location.getStyleClass().add("debug-frame-location");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(8, name, gap, location);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(StackFrame frame, boolean empty) {
            super.updateItem(frame, empty);
            getStyleClass().remove("debug-frame-runtime");
            if (empty || frame == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(frame.displayName());
            location.setText(frame.locationText());
            if (frame.userLocation() == null) {
                getStyleClass().add("debug-frame-runtime");
            }
            setText(null);
            setGraphic(row);
        }
    }
}
