package dev.whiskstudio.app.activations.timeline;

/**
 * Where the timeline looks and how it is laid out: the time at the plot's left edge, the milliseconds per pixel, the
 * lanes scrolled past, and the geometry (axis on top, lane names on the left). Converts between time and x, lanes
 * and y, and keeps zoom and scroll within bounds.
 */
final class TimelineViewport {
    static final double AXIS_HEIGHT = 26;
    static final double LANE_HEIGHT = 24;
    static final double BAR_INSET = 4;
    static final double BAR_HEIGHT = LANE_HEIGHT - 2 * BAR_INSET;
    /** The deepest zoom: 200 pixels per millisecond. */
    static final double MIN_MS_PER_PIXEL = 0.005;
    /** The widest view: a week across 100 pixels. */
    static final double MAX_MS_PER_PIXEL = 7 * 86_400_000d / 100;

    private double width;
    private double height;
    private double labelWidth = 120;
    private double startMillis;
    private double msPerPixel = 60_000d / 1000;
    private double scrollY;
    private int laneCount;

    void setSize(double newWidth, double newHeight) {
        width = Math.max(0, newWidth);
        height = Math.max(0, newHeight);
        clampScroll();
    }

    void setLabelWidth(double newWidth) {
        labelWidth = newWidth;
    }

    void setLaneCount(int count) {
        laneCount = count;
        clampScroll();
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    double labelWidth() {
        return labelWidth;
    }

    double plotLeft() {
        return labelWidth;
    }

    /** The width of the bars' area, never less than one pixel so the time scale stays defined. */
    double plotWidth() {
        return Math.max(1, width - labelWidth);
    }

    double plotTop() {
        return AXIS_HEIGHT;
    }

    double plotHeight() {
        return Math.max(0, height - AXIS_HEIGHT);
    }

    double msPerPixel() {
        return msPerPixel;
    }

    double scrollY() {
        return scrollY;
    }

    double startMillis() {
        return startMillis;
    }

    double endMillis() {
        return startMillis + plotWidth() * msPerPixel;
    }

    TimeWindow window() {
        return new TimeWindow(startMillis, endMillis());
    }

    double toX(double millis) {
        return labelWidth + (millis - startMillis) / msPerPixel;
    }

    double toMillis(double x) {
        return startMillis + (x - labelWidth) * msPerPixel;
    }

    double laneTop(int lane) {
        return AXIS_HEIGHT + lane * LANE_HEIGHT - scrollY;
    }

    /** The lane under {@code y}, or -1 above the lanes, on the axis, or below the last lane. */
    int laneAt(double y) {
        if (y < AXIS_HEIGHT) {
            return -1;
        }
        int lane = (int) Math.floor((y - AXIS_HEIGHT + scrollY) / LANE_HEIGHT);
        return lane >= 0 && lane < laneCount ? lane : -1;
    }

    int firstVisibleLane() {
        return Math.max(0, (int) Math.floor(scrollY / LANE_HEIGHT));
    }

    int lastVisibleLane() {
        return Math.min(laneCount - 1, (int) Math.floor((scrollY + plotHeight()) / LANE_HEIGHT));
    }

    /** Shows {@code window} across the plot (zoom limits permitting, then centred on it). */
    void show(TimeWindow window) {
        double perPixel = clampZoom(window.span() / plotWidth());
        msPerPixel = perPixel;
        startMillis = window.center() - plotWidth() * perPixel / 2;
    }

    /** Zooms by {@code factor} (above 1 zooms in) keeping the time under {@code x} where it is. */
    void zoom(double factor, double x) {
        double anchor = toMillis(x);
        msPerPixel = clampZoom(msPerPixel / factor);
        startMillis = anchor - (x - labelWidth) * msPerPixel;
    }

    /** Moves the view by pixels: positive {@code dx} shows later times, positive {@code dy} lower lanes. */
    void panBy(double dx, double dy) {
        startMillis += dx * msPerPixel;
        scrollY += dy;
        clampScroll();
    }

    void setStart(double millis) {
        startMillis = millis;
    }

    void setScrollY(double y) {
        scrollY = y;
        clampScroll();
    }

    /** Scrolls the least so that {@code lane} is fully in view. */
    void revealLane(int lane) {
        double top = lane * LANE_HEIGHT;
        if (top < scrollY) {
            scrollY = top;
        } else if (top + LANE_HEIGHT > scrollY + plotHeight()) {
            scrollY = top + LANE_HEIGHT - plotHeight();
        }
        clampScroll();
    }

    boolean laneFullyVisible(int lane) {
        double top = lane * LANE_HEIGHT;
        return top >= scrollY && top + LANE_HEIGHT <= scrollY + plotHeight() + 0.5;
    }

    private void clampScroll() {
        double max = Math.max(0, laneCount * LANE_HEIGHT - plotHeight());
        scrollY = Math.max(0, Math.min(max, scrollY));
    }

    private static double clampZoom(double perPixel) {
        return Math.max(MIN_MS_PER_PIXEL, Math.min(MAX_MS_PER_PIXEL, perPixel));
    }
}
