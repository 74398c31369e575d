package dev.whiskstudio.app.activations.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The bars a timeline shows, by activation id, in lanes, indexed by time.
 *
 * <p>Lanes are ordered by their first appearance in time (the earliest bar ever put in them), ties in the order they
 * were first seen; a lane goes when its last bar is removed. Listeners hear of every change once (a
 * {@link #putAll} is one change). Not thread-safe: use it from one thread, the FX thread when a view shows it.
 */
public final class TimelineModel {
    private static final Comparator<LaneIndex> LANE_ORDER =
            Comparator.<LaneIndex>comparingLong(lane -> lane.firstSeen).thenComparingLong(lane -> lane.sequence);

    private final Map<String, TimelineBar> bars = new HashMap<>();
    private final Map<String, LaneIndex> lanesByKey = new HashMap<>();
    private final List<LaneIndex> lanes = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long laneSequence;
    private int running;
    /** Summaries kept up to date on adding; a removal may make them stale, then they are recomputed when asked. */
    private long earliest = Long.MAX_VALUE;
    private long latestEnd = Long.MIN_VALUE;
    private TimelineBar newest;
    private boolean summariesStale;
    private int batchDepth;
    /** A change made inside a batch, told when the batch ends. */
    private boolean pending;

    /** Adds a bar, or replaces the bar with the same activation id (it may move to another lane). */
    public void put(TimelineBar bar) {
        TimelineBar old = bars.put(bar.activationId(), bar);
        if (old != null) {
            summariesStale |= replacingShrinks(old, bar);
            // a bar staying in its lane must not drop and re-create the lane: that could move it
            detach(old, old.laneKey().equals(bar.laneKey()));
        }
        attach(bar);
        changed();
    }

    /** Puts every bar, telling the listeners once. */
    public void putAll(Collection<TimelineBar> many) {
        batch(() -> many.forEach(this::put));
    }

    /** Removes the bar of {@code activationId}; false when there is none. */
    public boolean remove(String activationId) {
        TimelineBar old = bars.remove(activationId);
        if (old == null) {
            return false;
        }
        summariesStale |= replacingShrinks(old, null);
        detach(old, false);
        changed();
        return true;
    }

    /** Removes the bars of these ids (unknown ones are skipped), telling the listeners once; returns how many went. */
    public int removeAll(Collection<String> activationIds) {
        int[] removed = {0};
        batch(() -> activationIds.forEach(id -> {
            if (remove(id)) {
                removed[0]++;
            }
        }));
        return removed[0];
    }

    public void clear() {
        if (bars.isEmpty()) {
            return;
        }
        bars.clear();
        lanesByKey.clear();
        lanes.clear();
        running = 0;
        earliest = Long.MAX_VALUE;
        latestEnd = Long.MIN_VALUE;
        newest = null;
        summariesStale = false;
        changed();
    }

    public Optional<TimelineBar> bar(String activationId) {
        return Optional.ofNullable(bars.get(activationId));
    }

    public int size() {
        return bars.size();
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** How many bars are still running. */
    public int runningCount() {
        return running;
    }

    /** The lanes, top to bottom. */
    public List<TimelineLane> lanes() {
        return lanes.stream().map(lane -> new TimelineLane(lane.key, lane.label)).toList();
    }

    public int laneCount() {
        return lanes.size();
    }

    /** The lane's position from the top, or -1 when there is no such lane. */
    public int laneIndex(String laneKey) {
        LaneIndex lane = lanesByKey.get(laneKey);
        return lane == null ? -1 : lanes.indexOf(lane);
    }

    String laneLabel(int index) {
        return lanes.get(index).label;
    }

    /**
     * Calls {@code visitor} for the bars of lane {@code index} whose extent meets {@code [from, to]} (running bars
     * extend to {@code now}); returns how many bars were looked at to find them.
     */
    int visit(int index, long from, long to, long now, Consumer<TimelineBar> visitor) {
        return lanes.get(index).visit(from, to, now, visitor);
    }

    /** The earliest left edge of any bar, if there are bars. */
    public Optional<Long> earliest() {
        refreshSummaries();
        return bars.isEmpty() ? Optional.empty() : Optional.of(earliest);
    }

    /** The latest right edge of any bar, running bars reaching {@code now}, if there are bars. */
    public Optional<Long> latestEnd(long now) {
        refreshSummaries();
        if (bars.isEmpty()) {
            return Optional.empty();
        }
        long latest = latestEnd;
        if (running > 0) {
            latest = Math.max(latest, now);
        }
        return Optional.of(latest);
    }

    /** The bar that started last, if any. */
    public Optional<TimelineBar> newest() {
        refreshSummaries();
        return Optional.ofNullable(newest);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void attach(TimelineBar bar) {
        LaneIndex lane = lanesByKey.get(bar.laneKey());
        boolean reorder = false;
        if (lane == null) {
            lane = new LaneIndex(bar.laneKey(), bar.laneLabel(), bar.queuedAt(), laneSequence++);
            lanesByKey.put(lane.key, lane);
            lanes.add(lane);
            reorder = true;
        } else {
            lane.label = bar.laneLabel();
            reorder = bar.queuedAt() < lane.firstSeen;
        }
        lane.add(bar);
        if (reorder) {
            lanes.sort(LANE_ORDER);
        }
        track(bar);
    }

    /**
     * Whether taking {@code old} away (for {@code replacement}, or for nothing) can leave the summaries too wide, so
     * that they must be recomputed; a running bar finishing, the common case, does not.
     */
    private boolean replacingShrinks(TimelineBar old, TimelineBar replacement) {
        boolean wasNewest = newest != null && newest.activationId().equals(old.activationId());
        if (replacement == null) {
            return wasNewest || old.queuedAt() <= earliest || !old.running() && old.end() >= latestEnd;
        }
        return wasNewest && replacement.start() < old.start()
                || old.queuedAt() <= earliest && replacement.queuedAt() > old.queuedAt()
                || !old.running() && old.end() >= latestEnd && (replacement.running() || replacement.end() < old.end());
    }

    private void track(TimelineBar bar) {
        if (bar.running()) {
            running++;
        } else {
            latestEnd = Math.max(latestEnd, bar.end());
        }
        earliest = Math.min(earliest, bar.queuedAt());
        if (newest == null || bar.start() >= newest.start()) {
            newest = bar;
        }
    }

    private void detach(TimelineBar bar, boolean keepLane) {
        LaneIndex lane = lanesByKey.get(bar.laneKey());
        lane.remove(bar);
        if (bar.running()) {
            running--;
        }
        if (lane.size() == 0 && !keepLane) {
            lanesByKey.remove(lane.key);
            lanes.remove(lane);
        }
    }

    private void refreshSummaries() {
        if (!summariesStale) {
            return;
        }
        earliest = Long.MAX_VALUE;
        latestEnd = Long.MIN_VALUE;
        newest = null;
        for (TimelineBar bar : bars.values()) {
            if (!bar.running()) {
                latestEnd = Math.max(latestEnd, bar.end());
            }
            earliest = Math.min(earliest, bar.queuedAt());
            if (newest == null || bar.start() > newest.start()) {
                newest = bar;
            }
        }
        summariesStale = false;
    }

    /** Runs {@code changes}, telling the listeners once at the end if anything changed. */
    private void batch(Runnable changes) {
        batchDepth++;
        try {
            changes.run();
        } finally {
            batchDepth--;
            if (batchDepth == 0 && pending) {
                changed();
            }
        }
    }

    private void changed() {
        if (batchDepth > 0) {
            pending = true;
            return;
        }
        pending = false;
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
