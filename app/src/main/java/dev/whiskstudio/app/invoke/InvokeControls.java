package dev.whiskstudio.app.invoke;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The invoke panel's controls: the blocking choice on the left, the buttons on the right, on one line when the panel
 * is wide enough and on two otherwise (buttons below, at the right), so that no label is ever cut to "…".
 */
final class InvokeControls extends Region {
    private static final double GAP = 8;
    private static final double ROW_GAP = 6;
    private final HBox choices;
    private final HBox buttons;

    InvokeControls(Node[] choiceNodes, Node[] buttonNodes) {
        choices = new HBox(GAP, choiceNodes);
        choices.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        buttons = new HBox(GAP, buttonNodes);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        getChildren().addAll(choices, buttons);
    }

    private boolean oneLine(double width) {
        Insets in = getInsets();
        return width - in.getLeft() - in.getRight() >= choices.prefWidth(-1) + GAP + buttons.prefWidth(-1);
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + Math.max(choices.prefWidth(-1), buttons.prefWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + choices.prefWidth(-1) + GAP + buttons.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        // asked without a width (a VBox's minimum), the width it has now decides
        double w = width < 0 ? getWidth() : width;
        double rows = w <= 0 || oneLine(w)
                ? Math.max(choices.prefHeight(-1), buttons.prefHeight(-1))
                : choices.prefHeight(-1) + ROW_GAP + buttons.prefHeight(-1);
        return in.getTop() + in.getBottom() + rows;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        // the height depends on the width: two lines when narrow
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double choicesW = choices.prefWidth(-1);
        double choicesH = choices.prefHeight(-1);
        double buttonsW = buttons.prefWidth(-1);
        double buttonsH = buttons.prefHeight(-1);
        if (oneLine(getWidth())) {
            double h = Math.max(choicesH, buttonsH);
            choices.resizeRelocate(x, y + (h - choicesH) / 2, choicesW, choicesH);
            buttons.resizeRelocate(x + w - buttonsW, y + (h - buttonsH) / 2, buttonsW, buttonsH);
        } else {
            choices.resizeRelocate(x, y, Math.min(choicesW, w), choicesH);
            buttons.resizeRelocate(x + Math.max(0, w - buttonsW), y + choicesH + ROW_GAP, Math.min(buttonsW, w),
                    buttonsH);
        }
    }
}
