package dev.whiskstudio.app.activations.pool;

import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

/**
 * A bar filled as far as the memory in use goes towards the capacity; {@code :high} from 80 %, {@code :full} from
 * 95 %, so the style sheet can warn.
 */
final class MemoryGauge extends Region {
    private static final PseudoClass HIGH = PseudoClass.getPseudoClass("high");
    private static final PseudoClass FULL = PseudoClass.getPseudoClass("full");

    private final Region fill = new Region();
    private double fraction;

    MemoryGauge() {
        setId("pool-memory-gauge");
        getStyleClass().add("pool-memory-track");
        fill.getStyleClass().add("pool-memory-fill");
        getChildren().add(fill);
    }

    /** The part in use, from 0 to 1. */
    double fraction() {
        return fraction;
    }

    void show(long usedMb, long capacityMb) {
        fraction = capacityMb <= 0 ? 0 : Math.max(0, Math.min(1, usedMb / (double) capacityMb));
        pseudoClassStateChanged(HIGH, fraction >= 0.8 && fraction < 0.95);
        pseudoClassStateChanged(FULL, fraction >= 0.95);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        fill.resizeRelocate(snappedLeftInset(), snappedTopInset(), snapSizeX(width * fraction), height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 240;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 12;
    }
}
