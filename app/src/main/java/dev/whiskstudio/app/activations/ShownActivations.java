package dev.whiskstudio.app.activations;

import dev.whiskstudio.app.ui.Failures;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The rows the table shows: the log through the filter and in the chosen order. Each run works on a snapshot of the
 * log off the FX thread and hands its result back; at most one runs at a time, and changes during a run cause one
 * more. A change of the filter or order runs at once; changes of the log (live rows, records read for the search)
 * at most every {@link #LOG_CHANGE_GAP}. Rows only added at the top or the bottom are inserted there, so scrolling
 * and selection stay put; anything else replaces the list. A relative time range is applied again as time passes.
 * FX thread only, except {@link #logChanged()}.
 */
public final class ShownActivations {
    /** The least time between two runs caused by the log changing. */
    public static final Duration LOG_CHANGE_GAP = Duration.millis(200);
    private static final Duration RELATIVE_RANGE_TICK = Duration.seconds(5);

    private final ActivationLog log;
    private final Executor executor;
    private final LongSupplier clock;
    private final ObservableList<ActivationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> paths = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper docsPending = new ReadOnlyIntegerWrapper(this, "docsPending");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final AtomicBoolean logDirty = new AtomicBoolean();
    private final Runnable logListener = this::logChanged;
    private final Timeline relativeTick;
    private ActivationFilter filter = ActivationFilter.ALL;
    private ActivationSort sort = ActivationSort.NEWEST_FIRST;
    private boolean pending;
    private boolean pendingNow;
    private boolean waitArmed;
    private long lastRunStart;
    private long runs;
    private Runnable onApplied = () -> { };
    private boolean applying;
    private RunTiming lastTiming;

    /**
     * Where the time of the last applied run went, in ms: waiting for the executor, filtering and sorting off the
     * FX thread, waiting for the FX thread, and putting the rows into the list on it.
     */
    public record RunTiming(double queuedMs, double filterMs, double handOffMs, double applyMs) {
    }

    /** @param clock the local time in epoch ms, for relative time ranges */
    public ShownActivations(ActivationLog log, Executor executor, LongSupplier clock) {
        this.log = Objects.requireNonNull(log);
        this.executor = Objects.requireNonNull(executor);
        this.clock = Objects.requireNonNull(clock);
        log.addListener(logListener);
        relativeTick = new Timeline(new KeyFrame(RELATIVE_RANGE_TICK, e -> request(false)));
        relativeTick.setCycleCount(Timeline.INDEFINITE);
    }

    public ShownActivations(ActivationLog log, Executor executor) {
        this(log, executor, System::currentTimeMillis);
    }

    /** The rows to show; changed only on the FX thread. */
    public ObservableList<ActivationRow> rows() {
        return rows;
    }

    /** The action paths and packages ({@code pkg/}) in the log, sorted. */
    public ObservableList<String> paths() {
        return paths;
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Rows whose logs and result are still being read for the text search (0 when the search does not need them). */
    public ReadOnlyIntegerProperty docsPendingProperty() {
        return docsPending.getReadOnlyProperty();
    }

    /** A run is under way. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the last run failed; empty when it did not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** How many runs have been applied (tests and benchmarks wait on it). */
    public long runsApplied() {
        return runs;
    }

    /** The timing of the last applied run, or null before the first. */
    public RunTiming lastTiming() {
        return lastTiming;
    }

    /** Called on the FX thread after each applied run. */
    public void setOnApplied(Runnable onApplied) {
        this.onApplied = Objects.requireNonNull(onApplied);
    }

    /** True while a result is being put into {@link #rows()}: selection changes then are the list's, not a person's. */
    public boolean applying() {
        return applying;
    }

    public ActivationFilter filter() {
        return filter;
    }

    public void setFilter(ActivationFilter value) {
        Objects.requireNonNull(value);
        if (!value.equals(filter)) {
            filter = value;
            if (value.range().relative()) {
                relativeTick.play();
            } else {
                relativeTick.stop();
            }
            request(true);
        }
    }

    public ActivationSort sort() {
        return sort;
    }

    public void setSort(ActivationSort value) {
        Objects.requireNonNull(value);
        if (!value.equals(sort)) {
            sort = value;
            request(true);
        }
    }

    /** Runs again now (after the run under way, if any). */
    public void refresh() {
        request(true);
    }

    /** The log changed; any thread. Coalesced into one run. */
    public void logChanged() {
        if (logDirty.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                logDirty.set(false);
                request(false);
            });
        }
    }

    /** Stops listening to the log and the clock. */
    public void dispose() {
        log.removeListener(logListener);
        relativeTick.stop();
    }

    private void request(boolean now) {
        pending = true;
        pendingNow |= now;
        if (running.get()) {
            return;
        }
        long waitMs = pendingNow ? 0 : lastRunStart + (long) LOG_CHANGE_GAP.toMillis() - System.currentTimeMillis();
        if (waitMs > 0) {
            if (!waitArmed) {
                waitArmed = true;
                PauseTransition wait = new PauseTransition(Duration.millis(waitMs));
                wait.setOnFinished(e -> {
                    waitArmed = false;
                    start();
                });
                wait.play();
            }
            return;
        }
        start();
    }

    private void start() {
        if (running.get() || !pending) {
            return;
        }
        pending = false;
        pendingNow = false;
        running.set(true);
        lastRunStart = System.currentTimeMillis();
        ActivationFilter.CompiledFilter compiled = filter.compile(clock.getAsLong());
        ActivationSort order = sort;
        long queuedAt = System.nanoTime();
        try {
            executor.execute(() -> {
                try {
                    long startedAt = System.nanoTime();
                    FilterRun.Result result = FilterRun.run(log.snapshot(), compiled, order);
                    long filteredAt = System.nanoTime();
                    Platform.runLater(() -> apply(result, new long[] {queuedAt, startedAt, filteredAt}));
                } catch (RuntimeException e) {
                    Platform.runLater(() -> failed(e));
                }
            });
        } catch (RuntimeException rejected) {
            failed(rejected);
        }
    }

    private void failed(RuntimeException e) {
        running.set(false);
        problem.set("Could not filter the activations: " + Failures.messageOf(Failures.unwrap(e)));
    }

    private void apply(FilterRun.Result result, long[] times) {
        long appliedAt = System.nanoTime();
        applying = true;
        try {
            patch(result.rows());
        } finally {
            applying = false;
        }
        lastTiming = new RunTiming((times[1] - times[0]) / 1e6, (times[2] - times[1]) / 1e6,
                (appliedAt - times[2]) / 1e6, (System.nanoTime() - appliedAt) / 1e6);
        shown.set(result.rows().size());
        total.set(result.total());
        docsPending.set(result.docsPending());
        if (!paths.equals(result.paths())) {
            paths.setAll(result.paths());
        }
        problem.set("");
        runs++;
        running.set(false);
        onApplied.run();
        if (pending) {
            request(pendingNow);
        }
    }

    /** Inserts rows only added at the top or bottom; replaces the list otherwise. */
    private void patch(List<ActivationRow> next) {
        int old = rows.size();
        int added = next.size() - old;
        if (added >= 0 && old > 0) {
            if (sameRows(next, added, old)) {
                if (added > 0) {
                    rows.addAll(0, next.subList(0, added));
                }
                return;
            }
            if (sameRows(next, 0, old)) {
                rows.addAll(next.subList(old, next.size()));
                return;
            }
        }
        rows.setAll(next);
    }

    /** Whether {@code next[from .. from+count)} are the very rows shown now. */
    private boolean sameRows(List<ActivationRow> next, int from, int count) {
        for (int i = 0; i < count; i++) {
            if (next.get(from + i) != rows.get(i)) {
                return false;
            }
        }
        return true;
    }
}
