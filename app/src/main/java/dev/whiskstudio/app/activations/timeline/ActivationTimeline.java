package dev.whiskstudio.app.activations.timeline;

import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.net.URL;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Activations as bars on a time axis, one lane per container (or per action), drawn on a canvas.
 *
 * <p>Each bar is split into wait, init and run, coloured by start kind (cold, prewarm, warm), failures marked in the
 * danger colour; running bars grow with the clock. The canvas is redrawn only when something changed (the model, the
 * size, the view, the theme), at most once per pulse, and only what is visible is visited; see
 * {@link TimelineRenderer}.
 *
 * <p>Mouse and keys: the wheel (with or without Ctrl) zooms around the pointer, Shift+wheel and horizontal scrolling
 * pan, dragging pans in time and across lanes; {@code +}/{@code -} zoom, the arrows pan, Home fits everything, End
 * follows live again, Enter opens the selected bar, Escape clears the selection. Resting on a bar shows its details;
 * clicking it selects it and calls {@link #setOnOpenActivation the open callback}.
 *
 * <p>Follow-live (on at first) keeps the newest bar at the right edge as time passes and bars arrive; zooming keeps
 * it, panning (or selecting a bar out of view) ends it, {@link #setFollowLive} or End resumes it.
 *
 * <p>Colours and font come from CSS ({@code timeline.css}, added by the view itself, on AtlantaFX's variables).
 */
public class ActivationTimeline extends Region {
    /** How much one wheel notch or one key press zooms. */
    static final double ZOOM_STEP = 1.25;
    /** Room left after the newest bar when following, and around everything when fitting, as part of the width. */
    static final double EDGE_ROOM = 0.03;
    private static final double HIT_SLOP_PIXELS = 3;
    private static final Duration LIVE_TICK = Duration.millis(100);

    private final TimelineModel model;
    private final Clock clock;
    private final Canvas canvas = new Canvas();
    private final TimelinePalette palette = new TimelinePalette();
    private final BarDetailsCard card = new BarDetailsCard();
    private final TimelineViewport viewport = new TimelineViewport();
    private final TextWidths text = new TextWidths();
    private final TimelineRenderer renderer = new TimelineRenderer(text);
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);
    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper(this, "selectedActivationId");
    private final Runnable modelListener = this::modelChanged;
    private Consumer<String> onOpenActivation = id -> { };

    /** Redraws at the start of the next pulse; started by {@link #markDirty()}, so many changes make one redraw. */
    private final AnimationTimer redrawOnPulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            if (dirty) {
                redrawNow();
            }
        }
    };
    /** Ticks while bars run, so they grow and follow-live moves with the clock. */
    private final Timeline liveTicker = new Timeline(new KeyFrame(LIVE_TICK, e -> liveTick()));
    private boolean dirty = true;
    private FrameStats lastFrame = FrameStats.NONE;
    private long redraws;
    /** What to do once there is a size: views asked for before the first layout need the real width. */
    private Runnable onFirstLayout;
    private int knownLanes = -1;

    private boolean dragging;
    private double dragStart;
    private double dragScroll;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    public ActivationTimeline(TimelineModel model) {
        this(model, Clock.systemDefaultZone());
    }

    /** A timeline of {@code model}, telling time (for running bars and the axis' zone) by {@code clock}. */
    public ActivationTimeline(TimelineModel model, Clock clock) {
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
        getStyleClass().add("activation-timeline");
        getStylesheets().add(styleSheet());
        setFocusTraversable(true);
        canvas.setId("timeline-canvas");
        getChildren().addAll(canvas, palette, card);
        liveTicker.setCycleCount(Timeline.INDEFINITE);

        palette.onChange(() -> {
            viewport.setLabelWidth(laneNameWidth());
            markDirty();
        });
        model.addListener(modelListener);
        followLive.addListener((obs, was, is) -> {
            if (is) {
                followNewest();
                markDirty();
            }
        });
        sceneProperty().addListener((obs, was, is) -> updateTicker());
        TimelineGestures.install(this);
        modelChanged();
    }

    public TimelineModel model() {
        return model;
    }

    /** Called with the activation id when a bar is clicked (or Enter is pressed on the selected bar). */
    public void setOnOpenActivation(Consumer<String> handler) {
        onOpenActivation = handler == null ? id -> { } : handler;
    }

    public BooleanProperty followLiveProperty() {
        return followLive;
    }

    public boolean isFollowLive() {
        return followLive.get();
    }

    public void setFollowLive(boolean follow) {
        followLive.set(follow);
    }

    public ReadOnlyStringProperty selectedActivationIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public String getSelectedActivationId() {
        return selectedId.get();
    }

    /**
     * Selects the bar of {@code activationId} and scrolls it into view (keeping the zoom unless the bar is wider than
     * the view). Returns false when the model has no such bar (the selection is kept, and drawn once it arrives).
     * Moving the view ends follow-live.
     */
    public boolean select(String activationId) {
        selectedId.set(activationId);
        markDirty();
        Optional<TimelineBar> found = activationId == null ? Optional.empty() : model.bar(activationId);
        found.ifPresent(bar -> whenLaidOut(() -> reveal(bar)));
        return found.isPresent();
    }

    public void clearSelection() {
        selectedId.set(null);
        markDirty();
    }

    /** The time span shown across the bars' area. */
    public TimeWindow visibleWindow() {
        return viewport.window();
    }

    /** Shows {@code window} across the bars' area (within the zoom limits); ends follow-live. */
    public void showWindow(TimeWindow window) {
        followLive.set(false);
        whenLaidOut(() -> viewport.show(window));
        markDirty();
    }

    /** Shows every bar (with a little room around), or the last minute when there are none. */
    public void fitAll() {
        whenLaidOut(this::fitAllNow);
    }

    private void fitAllNow() {
        long now = clock.millis();
        long from = model.earliest().orElse(now - 60_000);
        long to = model.latestEnd(now).orElse(now);
        double span = Math.max(100, to - from);
        double room = span * EDGE_ROOM / (1 - 2 * EDGE_ROOM);
        double center = (from + to) / 2d;
        viewport.show(new TimeWindow(center - span / 2 - room, center + span / 2 + room));
        if (followLive.get()) {
            followNewest();
        }
        markDirty();
    }

    public void zoomIn() {
        zoom(ZOOM_STEP, viewport.plotLeft() + viewport.plotWidth() / 2);
    }

    public void zoomOut() {
        zoom(1 / ZOOM_STEP, viewport.plotLeft() + viewport.plotWidth() / 2);
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in) keeping the time at {@code x} (in this node's coordinates) in place;
     * while following live, the newest bar stays at the right edge instead.
     */
    public void zoom(double factor, double x) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            return;
        }
        viewport.zoom(factor, Math.max(viewport.plotLeft(), x));
        if (followLive.get()) {
            followNewest();
        }
        hideCard();
        markDirty();
    }

    /** Moves the view by pixels (positive {@code dx}: later times; positive {@code dy}: lower lanes); ends follow-live. */
    public void panBy(double dx, double dy) {
        followLive.set(false);
        viewport.panBy(dx, dy);
        hideCard();
        markDirty();
    }

    /**
     * Where the bar of {@code activationId} is drawn, in this node's coordinates (possibly outside the visible area),
     * or empty when the model has no such bar.
     */
    public Optional<Bounds> barBounds(String activationId) {
        return model.bar(activationId).map(bar -> {
            int lane = model.laneIndex(bar.laneKey());
            double left = viewport.toX(bar.queuedAt());
            double right = viewport.toX(bar.endOr(clock.millis()));
            double top = viewport.laneTop(lane) + TimelineViewport.BAR_INSET;
            return new BoundingBox(left, top, Math.max(0, right - left), TimelineViewport.BAR_HEIGHT);
        });
    }

    /** The bar under a point in this node's coordinates, if any (with a few pixels of slop for thin bars). */
    public Optional<TimelineBar> barAt(double x, double y) {
        if (x < viewport.plotLeft() || x > viewport.width()) {
            return Optional.empty();
        }
        int lane = viewport.laneAt(y);
        if (lane < 0) {
            return Optional.empty();
        }
        long now = clock.millis();
        double time = viewport.toMillis(x);
        double slop = HIT_SLOP_PIXELS * viewport.msPerPixel();
        TimelineBar[] best = new TimelineBar[1];
        double[] bestDistance = {Double.MAX_VALUE};
        model.visit(lane, (long) Math.floor(time - slop), (long) Math.ceil(time + slop), now, bar -> {
            double left = bar.queuedAt();
            double right = bar.endOr(now);
            double distance = time < left ? left - time : time > right ? time - right : 0;
            // among bars under the pointer, the one that started last is drawn on top
            if (distance < bestDistance[0] || distance == 0 && bestDistance[0] == 0 && bar.start() > best[0].start()) {
                best[0] = bar;
                bestDistance[0] = distance;
            }
        });
        return bestDistance[0] <= slop ? Optional.ofNullable(best[0]) : Optional.empty();
    }

    /** What drawing the last frame touched and took. */
    public FrameStats lastFrame() {
        return lastFrame;
    }

    /** How many frames have been drawn: changes within one pulse make one frame, and nothing changing makes none. */
    public long redrawCount() {
        return redraws;
    }

    /**
     * Draws now rather than at the next pulse (views redraw by themselves; this is for measuring and snapshots).
     */
    public void redrawNow() {
        dirty = false;
        if (viewport.width() <= 0 || viewport.height() <= 0) {
            return;
        }
        lastFrame = renderer.draw(canvas.getGraphicsContext2D(), model, viewport, palette, clock.millis(),
                selectedId.get(), clock.getZone());
        redraws++;
    }

    /** Stops listening to the model and stops the timers; for a timeline that is thrown away. */
    public void dispose() {
        model.removeListener(modelListener);
        liveTicker.stop();
        redrawOnPulse.stop();
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        palette.resize(0, 0);
        card.autosize();
        if (width != viewport.width() || height != viewport.height()) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            viewport.setSize(width, height);
            if (onFirstLayout != null && width > 0 && height > 0) {
                Runnable pending = onFirstLayout;
                onFirstLayout = null;
                pending.run();
            }
            if (followLive.get()) {
                followNewest();
            }
            redrawNow();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return TimelineViewport.AXIS_HEIGHT + TimelineViewport.LANE_HEIGHT * Math.max(4, Math.min(12, model.laneCount()));
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return TimelineViewport.AXIS_HEIGHT + 2 * TimelineViewport.LANE_HEIGHT;
    }

    /** Runs {@code change} now if the timeline has its size, else at its first layout (after earlier ones). */
    private void whenLaidOut(Runnable change) {
        if (viewport.width() > 0 && viewport.height() > 0) {
            change.run();
        } else {
            Runnable before = onFirstLayout;
            onFirstLayout = before == null ? change : () -> {
                before.run();
                change.run();
            };
        }
    }

    private void markDirty() {
        dirty = true;
        redrawOnPulse.start();
    }

    private void modelChanged() {
        viewport.setLaneCount(model.laneCount());
        if (model.laneCount() != knownLanes) {
            knownLanes = model.laneCount();
            requestLayout();
        }
        viewport.setLabelWidth(laneNameWidth());
        updateTicker();
        if (followLive.get()) {
            followNewest();
        }
        refreshCard();
        markDirty();
    }

    /** The width of the lane names' column: the longest name, within bounds. */
    private double laneNameWidth() {
        text.setFont(palette.font.get());
        double widest = 0;
        for (int lane = 0; lane < model.laneCount(); lane++) {
            widest = Math.max(widest, text.width(model.laneLabel(lane)));
        }
        return Math.max(90, Math.min(220, Math.ceil(widest) + 24));
    }

    private void updateTicker() {
        if (model.runningCount() > 0 && getScene() != null) {
            liveTicker.play();
        } else {
            liveTicker.stop();
        }
    }

    private void liveTick() {
        if (followLive.get()) {
            followNewest();
        }
        refreshCard();
        markDirty();
    }

    /** Puts the newest edge (the last end, or now while bars run) at the right, and the newest bar's lane in view. */
    private void followNewest() {
        long now = clock.millis();
        model.latestEnd(now).ifPresent(latest -> {
            double span = viewport.plotWidth() * viewport.msPerPixel();
            viewport.setStart(latest + span * EDGE_ROOM - span);
        });
        model.newest().ifPresent(bar -> {
            int lane = model.laneIndex(bar.laneKey());
            if (!viewport.laneFullyVisible(lane)) {
                viewport.revealLane(lane);
            }
        });
    }

    private void reveal(TimelineBar bar) {
        long now = clock.millis();
        double left = bar.queuedAt();
        double right = bar.endOr(now);
        TimeWindow shown = viewport.window();
        boolean moved = false;
        if (right < shown.startMillis() || left > shown.endMillis()) {
            double span = shown.span();
            if (right - left > span * 0.8) {
                double room = (right - left) * 0.1;
                viewport.show(new TimeWindow(left - room, right + room + 1));
            } else {
                viewport.setStart((left + right) / 2 - span / 2);
            }
            moved = true;
        }
        int lane = model.laneIndex(bar.laneKey());
        if (!viewport.laneFullyVisible(lane)) {
            viewport.revealLane(lane);
            moved = true;
        }
        if (moved) {
            followLive.set(false);
        }
    }

    // ---- what the gestures do (TimelineGestures turns events into these) ----

    TimelineViewport viewport() {
        return viewport;
    }

    /** A drag has begun: the view follows the pointer from here, and stops following live. */
    void beginDrag() {
        dragging = true;
        followLive.set(false);
        dragStart = viewport.startMillis();
        dragScroll = viewport.scrollY();
        hideCard();
        setCursor(Cursor.CLOSED_HAND);
    }

    /** The pointer is {@code dx}, {@code dy} pixels from where the drag began: the content moves with it. */
    void dragTo(double dx, double dy) {
        viewport.setStart(dragStart - dx * viewport.msPerPixel());
        viewport.setScrollY(dragScroll - dy);
        markDirty();
    }

    void endDrag() {
        dragging = false;
        setCursor(Cursor.DEFAULT);
    }

    /** A click at a point: selects and opens the bar there, or clears the selection. */
    void clickAt(double x, double y) {
        Optional<TimelineBar> bar = barAt(x, y);
        if (bar.isPresent()) {
            selectedId.set(bar.get().activationId());
            markDirty();
            onOpenActivation.accept(bar.get().activationId());
        } else {
            clearSelection();
        }
    }

    void openSelected() {
        String id = selectedId.get();
        if (id != null && model.bar(id).isPresent()) {
            onOpenActivation.accept(id);
        }
    }

    /** The pointer moved to a point (NaN: it left): the details card follows it. */
    void pointerAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        if (Double.isNaN(x)) {
            hideCard();
        } else {
            refreshCard();
        }
    }

    /** Shows the card for the bar under the pointer (its figures may have changed), or hides it. */
    private void refreshCard() {
        if (Double.isNaN(pointerX) || dragging) {
            return;
        }
        Optional<TimelineBar> bar = barAt(pointerX, pointerY);
        if (bar.isEmpty()) {
            hideCard();
            return;
        }
        card.show(bar.get(), clock.millis(), clock.getZone());
        card.applyCss();
        card.autosize();
        double x = pointerX + 14;
        double y = pointerY + 18;
        if (x + card.getWidth() > getWidth()) {
            x = Math.max(0, pointerX - card.getWidth() - 8);
        }
        if (y + card.getHeight() > getHeight()) {
            y = Math.max(0, pointerY - card.getHeight() - 8);
        }
        card.relocate(snapPositionX(x), snapPositionY(y));
        setCursor(Cursor.HAND);
    }

    private void hideCard() {
        if (card.isVisible()) {
            card.hide();
        }
        if (!dragging) {
            setCursor(Cursor.DEFAULT);
        }
    }

    private static String styleSheet() {
        URL css = Objects.requireNonNull(ActivationTimeline.class.getResource("/dev/whiskstudio/app/timeline.css"),
                "timeline.css is missing from the classpath");
        return css.toExternalForm();
    }
}
