package dev.whiskstudio.app.activations.timeline;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A toolbar for an {@link ActivationTimeline}: fit all, zoom out and in, follow live, and a legend of the colours.
 */
public class TimelineControls extends HBox {
    private final ToggleButton follow = new ToggleButton("Follow live");

    public TimelineControls(ActivationTimeline timeline) {
        getStyleClass().add("timeline-controls");
        Button fit = button("timeline-fit", "Fit all", "Show every activation (Home)", timeline::fitAll);
        Button out = button("timeline-zoom-out", "−", "Zoom out (-, or the wheel)", timeline::zoomOut);
        Button in = button("timeline-zoom-in", "+", "Zoom in (+, or the wheel)", timeline::zoomIn);
        follow.setId("timeline-follow");
        follow.setTooltip(new Tooltip("Keep the newest activation in view (End); dragging stops it"));
        follow.selectedProperty().bindBidirectional(timeline.followLiveProperty());
        follow.setFocusTraversable(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox legend = new HBox(
                swatch("legend-cold"), new Label("cold"),
                swatch("legend-prewarm"), new Label("prewarm"),
                swatch("legend-warm"), new Label("warm"),
                swatch("legend-wait"), new Label("wait"),
                swatch("legend-error"), new Label("error"));
        legend.getStyleClass().add("timeline-legend");
        getChildren().addAll(fit, out, in, follow, gap, legend);
        getStylesheets().addAll(timeline.getStylesheets());
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Region swatch(String styleClass) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", styleClass);
        return swatch;
    }
}
