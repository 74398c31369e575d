package dev.whiskstudio.app.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A region whose one child fills it, sized as the child wants but shrinkable to nothing: a view that lives in a split
 * pane or a tab gives way to its neighbours instead of forcing its minimum on the window.
 */
public abstract class FillPane extends Region {
    private Node content;

    /** Sets the child that fills this region. */
    protected final void fill(Node child) {
        if (content != null) {
            getChildren().remove(content);
        }
        content = child;
        getChildren().add(child);
    }

    @Override
    protected void layoutChildren() {
        if (content == null) {
            return;
        }
        Insets in = getInsets();
        content.resizeRelocate(in.getLeft(), in.getTop(), getWidth() - in.getLeft() - in.getRight(),
                getHeight() - in.getTop() - in.getBottom());
    }

    @Override
    protected double computePrefWidth(double height) {
        return (content == null ? 0 : content.prefWidth(height)) + getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        return (content == null ? 0 : content.prefHeight(width)) + getInsets().getTop() + getInsets().getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }
}
