package dev.whiskstudio.app.activations.timeline;

/**
 * A span of time, in epoch milliseconds (fractions allowed: a pixel can be less than a millisecond).
 */
public record TimeWindow(double startMillis, double endMillis) {
    public TimeWindow {
        if (!(endMillis > startMillis)) {
            throw new IllegalArgumentException("a time window must end after it starts: " + startMillis + ".." + endMillis);
        }
    }

    public double span() {
        return endMillis - startMillis;
    }

    public double center() {
        return (startMillis + endMillis) / 2;
    }

    public boolean contains(double millis) {
        return millis >= startMillis && millis <= endMillis;
    }
}
