package dev.whiskstudio.app.activations.timeline;

import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * The mouse, wheel, touchpad and keys of an {@link ActivationTimeline}: the wheel (with or without Ctrl) and a pinch
 * zoom around the pointer, Shift+wheel and horizontal scrolling pan, a drag pans (past a few pixels, so a click stays
 * a click), a click opens; {@code +}/{@code -}, the arrows, Page Up/Down, Home, End, Enter and Escape as the
 * timeline describes.
 */
final class TimelineGestures {
    /** How far the pointer must move with the button down before a press becomes a drag. */
    private static final double DRAG_THRESHOLD = 3;

    private final ActivationTimeline timeline;
    private boolean pressed;
    private boolean dragging;
    private double anchorX;
    private double anchorY;

    private TimelineGestures(ActivationTimeline timeline) {
        this.timeline = timeline;
    }

    static void install(ActivationTimeline timeline) {
        TimelineGestures gestures = new TimelineGestures(timeline);
        timeline.addEventHandler(ScrollEvent.SCROLL, gestures::scrolled);
        timeline.addEventHandler(ZoomEvent.ZOOM, e -> {
            timeline.zoom(e.getZoomFactor(), e.getX());
            e.consume();
        });
        timeline.addEventHandler(MouseEvent.MOUSE_PRESSED, gestures::pressed);
        timeline.addEventHandler(MouseEvent.MOUSE_DRAGGED, gestures::dragged);
        timeline.addEventHandler(MouseEvent.MOUSE_RELEASED, gestures::released);
        timeline.addEventHandler(MouseEvent.MOUSE_MOVED, e -> timeline.pointerAt(e.getX(), e.getY()));
        timeline.addEventHandler(MouseEvent.MOUSE_EXITED, e -> timeline.pointerAt(Double.NaN, Double.NaN));
        timeline.addEventHandler(KeyEvent.KEY_PRESSED, gestures::keyPressed);
    }

    private void scrolled(ScrollEvent e) {
        double dx = e.getDeltaX();
        double dy = e.getDeltaY();
        if (e.isShiftDown()) {
            timeline.panBy(-(dx != 0 ? dx : dy), 0);
        } else if (dx != 0 && dy == 0 && !e.isControlDown()) {
            timeline.panBy(-dx, 0);
        } else if (dy != 0) {
            // a wheel notch is deltaY / multiplierY (40 px a notch on desktops); trackpads give fractions
            double notches = e.getMultiplierY() > 0 ? dy / e.getMultiplierY() : dy / 40;
            timeline.zoom(Math.pow(ActivationTimeline.ZOOM_STEP, notches), e.getX());
        }
        e.consume();
    }

    private void pressed(MouseEvent e) {
        timeline.requestFocus();
        pressed = e.getButton() == MouseButton.PRIMARY;
        dragging = false;
        anchorX = e.getX();
        anchorY = e.getY();
    }

    private void dragged(MouseEvent e) {
        if (!pressed) {
            return;
        }
        if (!dragging && Math.hypot(e.getX() - anchorX, e.getY() - anchorY) > DRAG_THRESHOLD) {
            dragging = true;
            anchorX = e.getX();
            anchorY = e.getY();
            timeline.beginDrag();
        }
        if (dragging) {
            timeline.dragTo(e.getX() - anchorX, e.getY() - anchorY);
        }
    }

    private void released(MouseEvent e) {
        boolean click = pressed && !dragging && e.getButton() == MouseButton.PRIMARY;
        if (dragging) {
            timeline.endDrag();
        }
        pressed = false;
        dragging = false;
        if (click) {
            timeline.clickAt(e.getX(), e.getY());
        }
        timeline.pointerAt(e.getX(), e.getY());
    }

    private void keyPressed(KeyEvent e) {
        TimelineViewport view = timeline.viewport();
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> timeline.zoomIn();
            case MINUS, SUBTRACT -> timeline.zoomOut();
            case LEFT -> timeline.panBy(-view.plotWidth() * 0.1, 0);
            case RIGHT -> timeline.panBy(view.plotWidth() * 0.1, 0);
            case UP -> timeline.panBy(0, -TimelineViewport.LANE_HEIGHT);
            case DOWN -> timeline.panBy(0, TimelineViewport.LANE_HEIGHT);
            case PAGE_UP -> timeline.panBy(0, -view.plotHeight());
            case PAGE_DOWN -> timeline.panBy(0, view.plotHeight());
            case HOME -> timeline.fitAll();
            case END -> timeline.setFollowLive(true);
            case ENTER -> timeline.openSelected();
            case ESCAPE -> timeline.clearSelection();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
