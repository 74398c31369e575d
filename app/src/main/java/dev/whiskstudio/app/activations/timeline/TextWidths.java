package dev.whiskstudio.app.activations.timeline;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.Map;

/**
 * Widths of texts in the timeline's font, measured once and remembered (the canvas cannot measure, and measuring on
 * every frame would cost more than drawing), and texts shortened with an ellipsis to fit a width.
 */
final class TextWidths {
    private static final int LIMIT = 4096;

    private final Text probe = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private final Map<String, String> fitted = new HashMap<>();
    private Font font;
    private double fittedWidth = -1;

    void setFont(Font newFont) {
        if (!newFont.equals(font)) {
            font = newFont;
            probe.setFont(newFont);
            widths.clear();
            fitted.clear();
        }
    }

    Font font() {
        return font;
    }

    double width(String text) {
        Double known = widths.get(text);
        if (known != null) {
            return known;
        }
        if (widths.size() >= LIMIT) {
            widths.clear();
        }
        probe.setText(text);
        double measured = probe.getLayoutBounds().getWidth();
        widths.put(text, measured);
        return measured;
    }

    /** {@code text}, or as much of it as fits {@code maxWidth} followed by an ellipsis. */
    String fit(String text, double maxWidth) {
        if (maxWidth != fittedWidth || fitted.size() >= LIMIT) {
            fitted.clear();
            fittedWidth = maxWidth;
        }
        return fitted.computeIfAbsent(text, t -> shorten(t, maxWidth));
    }

    private String shorten(String text, double maxWidth) {
        if (width(text) <= maxWidth) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width(text.substring(0, mid) + "…") <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? "" : text.substring(0, lo) + "…";
    }
}
