package dev.whiskstudio.app.activations.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Paints one frame of the timeline on a canvas: lanes, grid, bars, the "now" line, the selection, lane names and the
 * time axis, in that order (later parts cover what overflows from earlier ones, so nothing needs clipping).
 *
 * <p>Only bars crossing the visible window are visited (through the model's time index). A bar narrower than
 * {@link #MERGE_PIXELS} only marks the pixel columns it covers; after its lane is visited, each run of columns of one
 * colour is filled as one rectangle, so a lane costs at most one rectangle per pixel column however many bars it has.
 * A column shows the most telling start kind among its bars (cold over prewarm over warm), and a strip in the danger
 * colour marks columns holding a failed activation.
 */
final class TimelineRenderer {
    static final double MERGE_PIXELS = 2;
    private static final double ERROR_STRIP = 3;
    private static final double TICK_LABEL_GAP = 28;

    // column marks, in order of priority: a higher one wins a column
    private static final byte EMPTY = 0;
    private static final byte UNKNOWN = 1;
    private static final byte WARM = 2;
    private static final byte PREWARM = 3;
    private static final byte COLD = 4;

    private final TextWidths text;
    private byte[] columns = new byte[0];
    private boolean[] failedColumns = new boolean[0];
    private final List<TimelineBar> whole = new ArrayList<>();
    private final Consumer<TimelineBar> collector = this::collect;

    // the frame being drawn, for the collector
    private TimelineViewport view;
    private long now;
    private int firstColumn;
    private int lastColumn;
    private int inView;
    private int merged;

    TimelineRenderer(TextWidths text) {
        this.text = text;
    }

    FrameStats draw(GraphicsContext g, TimelineModel model, TimelineViewport viewport, TimelinePalette palette,
                    long nowMillis, String selectedId, ZoneId zone) {
        long began = System.nanoTime();
        view = viewport;
        now = nowMillis;
        inView = 0;
        merged = 0;
        text.setFont(palette.font.get());
        g.setFont(text.font());
        double width = view.width();
        double height = view.height();
        int plotColumns = (int) Math.ceil(view.plotWidth());
        if (columns.length < plotColumns + 1) {
            columns = new byte[plotColumns + 1];
            failedColumns = new boolean[plotColumns + 1];
        }

        g.setFill(palette.background.get());
        g.fillRect(0, 0, width, height);
        int firstLane = view.firstVisibleLane();
        int lastLane = view.lastVisibleLane();
        g.setFill(palette.stripe.get());
        for (int lane = firstLane; lane <= lastLane; lane++) {
            if (lane % 2 == 1) {
                g.fillRect(0, view.laneTop(lane), width, TimelineViewport.LANE_HEIGHT);
            }
        }

        long step = TimeAxis.step(view.msPerPixel(), text.width(TimeAxis.widestLabel(1)) + TICK_LABEL_GAP);
        step = TimeAxis.step(view.msPerPixel(), text.width(TimeAxis.widestLabel(step)) + TICK_LABEL_GAP);
        long firstTick = TimeAxis.firstTick(view.startMillis(), step, zone);
        g.setFill(palette.grid.get());
        for (long tick = firstTick; tick <= view.endMillis(); tick += step) {
            g.fillRect(Math.floor(view.toX(tick)), view.plotTop(), 1, view.plotHeight());
        }

        long from = (long) Math.floor(view.startMillis());
        long to = (long) Math.ceil(view.endMillis());
        int lookedAt = 0;
        int drawnWhole = 0;
        int rectangles = 0;
        double[] selected = null;
        for (int lane = firstLane; lane <= lastLane; lane++) {
            firstColumn = Integer.MAX_VALUE;
            lastColumn = -1;
            whole.clear();
            lookedAt += model.visit(lane, from, to, now, collector);
            double top = view.laneTop(lane) + TimelineViewport.BAR_INSET;
            rectangles += fillColumns(g, palette, top);
            for (TimelineBar bar : whole) {
                rectangles += drawWhole(g, palette, bar, top);
                drawnWhole++;
            }
        }
        if (selectedId != null) {
            selected = selectionBox(model, selectedId);
        }

        double nowX = view.toX(now);
        if (nowX >= view.plotLeft() && nowX <= width) {
            g.setFill(palette.now.get());
            g.fillRect(Math.floor(nowX), view.plotTop(), 1, view.plotHeight());
        }
        if (selected != null) {
            g.setStroke(palette.selection.get());
            g.setLineWidth(2);
            g.strokeRect(selected[0], selected[1], selected[2], selected[3]);
        }

        drawLaneNames(g, model, palette, firstLane, lastLane);
        drawAxis(g, palette, step, firstTick, zone);
        return new FrameStats(Math.max(0, lastLane - firstLane + 1), lookedAt, inView, drawnWhole, merged, rectangles,
                System.nanoTime() - began);
    }

    /** Sorts a visited bar: wide ones are drawn whole after the lane's columns, narrow ones mark their columns. */
    private void collect(TimelineBar bar) {
        inView++;
        double left = view.toX(bar.queuedAt());
        double right = view.toX(bar.endOr(now));
        if (right - left >= MERGE_PIXELS) {
            whole.add(bar);
            return;
        }
        merged++;
        double plotLeft = view.plotLeft();
        int maxColumn = columns.length - 1;
        int first = Math.max(0, Math.min(maxColumn, (int) Math.floor(left - plotLeft)));
        int last = Math.max(0, Math.min(maxColumn, (int) Math.floor(right - plotLeft)));
        byte mark = mark(bar.startKind());
        boolean failed = bar.failed();
        for (int c = first; c <= last; c++) {
            if (columns[c] < mark) {
                columns[c] = mark;
            }
            if (failed) {
                failedColumns[c] = true;
            }
        }
        firstColumn = Math.min(firstColumn, first);
        lastColumn = Math.max(lastColumn, last);
    }

    /** Fills the marked columns of a lane as runs of one colour, clears them, and says how many rectangles it took. */
    private int fillColumns(GraphicsContext g, TimelinePalette palette, double top) {
        if (lastColumn < 0) {
            return 0;
        }
        int rectangles = 0;
        double plotLeft = view.plotLeft();
        double height = TimelineViewport.BAR_HEIGHT;
        int runStart = firstColumn;
        byte runMark = columns[firstColumn];
        for (int c = firstColumn + 1; c <= lastColumn + 1; c++) {
            byte mark = c <= lastColumn ? columns[c] : EMPTY;
            if (mark != runMark) {
                if (runMark != EMPTY) {
                    g.setFill(color(palette, runMark));
                    g.fillRect(plotLeft + runStart, top, c - runStart, height);
                    rectangles++;
                }
                runStart = c;
                runMark = mark;
            }
        }
        g.setFill(palette.error.get());
        int failedStart = -1;
        for (int c = firstColumn; c <= lastColumn + 1; c++) {
            boolean failed = c <= lastColumn && failedColumns[c];
            if (failed && failedStart < 0) {
                failedStart = c;
            } else if (!failed && failedStart >= 0) {
                g.fillRect(plotLeft + failedStart, top + height - ERROR_STRIP, c - failedStart, ERROR_STRIP);
                rectangles++;
                failedStart = -1;
            }
        }
        Arrays.fill(columns, firstColumn, lastColumn + 1, EMPTY);
        Arrays.fill(failedColumns, firstColumn, lastColumn + 1, false);
        return rectangles;
    }

    /** Draws a bar with its wait, init and run parts, its outcome, and its label when it fits. */
    private int drawWhole(GraphicsContext g, TimelinePalette palette, TimelineBar bar, double top) {
        double minX = view.plotLeft();
        double maxX = view.width() + 2;
        double queued = clamp(Math.round(view.toX(bar.queuedAt())), minX, maxX);
        double start = clamp(Math.round(view.toX(bar.start())), minX, maxX);
        double runStart = clamp(Math.round(view.toX(bar.runStart())), minX, maxX);
        double end = clamp(Math.round(view.toX(bar.endOr(now))), minX, maxX);
        double height = TimelineViewport.BAR_HEIGHT;
        int rectangles = 0;
        if (start > queued) {
            g.setFill(palette.wait.get());
            g.fillRect(queued, top + height * 0.3, start - queued, height * 0.4);
            rectangles++;
        }
        if (runStart > start) {
            g.setFill(palette.init(bar.startKind()));
            g.fillRect(start, top, runStart - start, height);
            rectangles++;
        }
        double runWidth = Math.max(1, end - runStart);
        g.setFill(palette.run(bar.startKind()));
        g.fillRect(runStart, top, runWidth, height);
        rectangles++;
        if (bar.running() && end > minX && end < maxX) {
            g.setFill(palette.now.get());
            g.fillRect(end - 2, top, 2, height);
            rectangles++;
        }
        if (bar.failed()) {
            g.setFill(palette.error.get());
            g.fillRect(start, top + height - ERROR_STRIP, Math.max(1, end - start), ERROR_STRIP);
            g.setStroke(palette.error.get());
            g.setLineWidth(1.5);
            g.strokeRect(start + 0.75, top + 0.75, Math.max(1, end - start - 1.5), height - 1.5);
            rectangles++;
        }
        double room = end - runStart - 8;
        if (room > 12 && text.width(bar.label()) <= room) {
            g.setFill(palette.barText.get());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(bar.label(), runStart + 4, top + height / 2);
        }
        return rectangles;
    }

    /** The outline of the selected bar, at least a few pixels wide, or null when it is not in view. */
    private double[] selectionBox(TimelineModel model, String selectedId) {
        TimelineBar bar = model.bar(selectedId).orElse(null);
        if (bar == null) {
            return null;
        }
        int lane = model.laneIndex(bar.laneKey());
        if (lane < view.firstVisibleLane() || lane > view.lastVisibleLane()) {
            return null;
        }
        double left = view.toX(bar.queuedAt());
        double right = view.toX(bar.endOr(now));
        if (right < view.plotLeft() || left > view.width()) {
            return null;
        }
        if (right - left < 4) {
            double middle = (left + right) / 2;
            left = middle - 2;
            right = middle + 2;
        }
        left = Math.max(view.plotLeft(), left);
        double top = view.laneTop(lane) + TimelineViewport.BAR_INSET - 2;
        return new double[]{Math.round(left) - 1, top, Math.round(right) - Math.round(left) + 2,
                TimelineViewport.BAR_HEIGHT + 4};
    }

    private void drawLaneNames(GraphicsContext g, TimelineModel model, TimelinePalette palette, int firstLane,
                               int lastLane) {
        double labelWidth = view.labelWidth();
        g.setFill(palette.border.get());
        g.fillRect(labelWidth - 1, view.plotTop(), 1, view.plotHeight());
        g.setFill(palette.laneText.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int lane = firstLane; lane <= lastLane; lane++) {
            String name = text.fit(model.laneLabel(lane), labelWidth - 16);
            g.fillText(name, 8, view.laneTop(lane) + TimelineViewport.LANE_HEIGHT / 2);
        }
    }

    private void drawAxis(GraphicsContext g, TimelinePalette palette, long step, long firstTick, ZoneId zone) {
        double axis = TimelineViewport.AXIS_HEIGHT;
        g.setFill(palette.axisBackground.get());
        g.fillRect(0, 0, view.width(), axis);
        g.setFill(palette.border.get());
        g.fillRect(0, axis - 1, view.width(), 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(palette.axisText.get());
        g.fillText(TimeAxis.DATE.format(Instant.ofEpochMilli((long) view.startMillis()).atZone(zone)), 8, axis / 2);
        for (long tick = firstTick; tick <= view.endMillis(); tick += step) {
            double x = Math.floor(view.toX(tick));
            if (x < view.plotLeft()) {
                continue;
            }
            g.fillRect(x, axis - 7, 1, 6);
            g.fillText(TimeAxis.label(tick, step, zone), x + 4, axis / 2 - 2);
        }
    }

    private static Color color(TimelinePalette palette, byte mark) {
        return switch (mark) {
            case COLD -> palette.cold.get();
            case PREWARM -> palette.prewarm.get();
            case WARM -> palette.warm.get();
            default -> palette.unknown.get();
        };
    }

    private static byte mark(TimelineBar.StartKind kind) {
        return switch (kind) {
            case COLD -> COLD;
            case PREWARM -> PREWARM;
            case WARM -> WARM;
            case UNKNOWN -> UNKNOWN;
        };
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
