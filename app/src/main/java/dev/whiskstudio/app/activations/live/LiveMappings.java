package dev.whiskstudio.app.activations.live;

import dev.whiskstudio.app.activations.ActivationRow;
import dev.whiskstudio.app.activations.ActivationStatus;
import dev.whiskstudio.app.activations.pool.ContainerState;
import dev.whiskstudio.app.activations.pool.PoolContainer;
import dev.whiskstudio.app.activations.pool.PoolSnapshot;
import dev.whiskstudio.app.activations.timeline.TimelineBar;
import dev.whiskstudio.app.client.insight.ActivationEvent;
import dev.whiskstudio.app.client.insight.ContainerView;
import dev.whiskstudio.app.client.insight.PoolView;

import java.util.ArrayList;
import java.util.List;

/** How the rows and the simulator's events become the timeline's bars and the pool view's snapshot. */
public final class LiveMappings {
    private LiveMappings() {
    }

    /**
     * A row as a bar: on the simulator in its container's lane (an activation without a container, a sequence's own
     * record, in a lane of its action), on a cluster in its action's lane.
     */
    public static TimelineBar bar(ActivationRow row) {
        boolean inContainer = row.containerId() != null;
        String laneKey = inContainer ? "container:" + row.containerId() : "action:" + row.path();
        String laneLabel = inContainer ? shortContainer(row.containerId()) + " · " + row.path() : row.path();
        long queuedAt = row.waitTime() > 0 ? row.start() - row.waitTime() : row.start();
        long initEnd = row.initTime() >= 0 ? row.start() + row.initTime() : -1;
        long end = row.end() > 0 ? row.end() : row.duration() >= 0 ? row.start() + row.duration() : row.start();
        return new TimelineBar(row.activationId(), laneKey, laneLabel, queuedAt, row.start(), initEnd, end,
                startKind(row.startKind()), outcome(row.status()), row.path());
    }

    /** An activation that has begun and not ended yet. */
    public static TimelineBar running(ActivationEvent started) {
        String laneKey = started.containerId() != null ? "container:" + started.containerId() : "action:" + started.path();
        String laneLabel = started.containerId() != null
                ? shortContainer(started.containerId()) + " · " + started.path() : started.path();
        long queuedAt = started.queuedAt() > 0 ? started.queuedAt() : started.start();
        return new TimelineBar(started.activationId(), laneKey, laneLabel, queuedAt, started.start(), -1, -1,
                startKind(dev.whiskstudio.app.activations.StartKind.fromInsight(started.startKind())),
                TimelineBar.Outcome.RUNNING, started.path());
    }

    public static PoolSnapshot pool(PoolView pool) {
        List<PoolContainer> containers = new ArrayList<>(pool.containers().size());
        for (ContainerView c : pool.containers()) {
            // a container still starting has no id yet: its name stands for it
            String id = c.containerId() != null ? c.containerId() : c.name();
            containers.add(new PoolContainer(id, c.name(), c.kind(), c.memoryMb(), ContainerState.parse(c.state()),
                    c.namespace(), c.action(), c.active(), c.lastUsed()));
        }
        return new PoolSnapshot(pool.capacityMb(), pool.usedMb(), pool.queued(), containers);
    }

    private static String shortContainer(String id) {
        return id.length() <= 12 ? id : id.substring(0, 12);
    }

    private static TimelineBar.StartKind startKind(dev.whiskstudio.app.activations.StartKind kind) {
        return switch (kind) {
            case COLD -> TimelineBar.StartKind.COLD;
            case PREWARM -> TimelineBar.StartKind.PREWARM;
            case WARM -> TimelineBar.StartKind.WARM;
            case UNKNOWN -> TimelineBar.StartKind.UNKNOWN;
        };
    }

    private static TimelineBar.Outcome outcome(ActivationStatus status) {
        return switch (status) {
            case SUCCESS -> TimelineBar.Outcome.SUCCESS;
            case APPLICATION_ERROR -> TimelineBar.Outcome.APPLICATION_ERROR;
            case DEVELOPER_ERROR -> TimelineBar.Outcome.DEVELOPER_ERROR;
            case WHISK_ERROR -> TimelineBar.Outcome.WHISK_ERROR;
        };
    }
}
