package dev.whiskstudio.sim.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.controller.ActivationObserver;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.invoker.ActivationJob;
import dev.whiskstudio.sim.invoker.ActivationListener;
import dev.whiskstudio.sim.invoker.Placement;
import dev.whiskstudio.sim.store.ActivationRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the insight into each activation: the invoker says where it placed an activation, the controller hands
 * over the record with the payload it was invoked with, and the insight goes to the store in the record's row (so
 * the writer commits both in one transaction). Tells the event stream when an activation begins and when its record
 * is handed to the store.
 */
public final class InsightRecorder implements ActivationListener, ActivationObserver {
    private static final Logger LOG = LoggerFactory.getLogger(InsightRecorder.class);
    /**
     * A placement waits here only between the invoker making a record and the controller storing it (the same chain
     * of calls), so this many means one path forgot to take them; clearing keeps memory bounded.
     */
    private static final int PENDING_LIMIT = 100_000;

    private final EventHub events;
    private final Map<String, Placement> placements = new ConcurrentHashMap<>();

    public InsightRecorder(EventHub events) {
        this.events = events;
    }

    @Override
    public void started(ActivationJob job, Placement placement, long start) {
        if (!events.hasSubscribers()) {
            return;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("activationId", job.activationId());
        o.put("namespace", job.namespace());
        o.put("path", job.action().pkg() == null ? job.action().name() : job.action().pkg() + "/" + job.action().name());
        o.put("kind", job.exec().kind());
        o.put("containerId", placement.containerId());
        o.put("startKind", ActivationInsight.startKindText(placement.startKind()));
        o.put("queuedAt", placement.queuedAt());
        o.put("start", start);
        events.publish(job.namespace(), EventHub.ACTIVATION_START, o.toString());
    }

    @Override
    public void finished(ActivationJob job, Placement placement) {
        if (placements.size() >= PENDING_LIMIT) {
            LOG.warn("{} activation placements were never stored; forgetting them", placements.size());
            placements.clear();
        }
        placements.put(job.activationId(), placement);
    }

    @Override
    public ActivationRow row(ActivationRecord record, JsonNode params) {
        ActivationInsight insight = ActivationInsight.of(record, placements.remove(record.activationId()));
        String paramsJson = params == null ? "{}" : params.toString();
        return ActivationRow.of(record).withInsight(insight.toJson().toString(), paramsJson);
    }

    @Override
    public void handedIn(ActivationRecord record, ActivationRow row) {
        if (row.insightJson() == null || !events.hasSubscribers()) {
            return;
        }
        events.publish(record.namespace(), EventHub.ACTIVATION,
                JsonText.withField(row.summaryJson(), "insight", row.insightJson()));
    }

    @Override
    public void notStored(ActivationRecord record) {
        placements.remove(record.activationId());
        if (!events.hasSubscribers()) {
            return;
        }
        // a client that saw it start must hear that it ended, or it would show it running for ever
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("activationId", record.activationId());
        o.put("namespace", record.namespace());
        o.put("end", record.end());
        events.publish(record.namespace(), EventHub.ACTIVATION_END, o.toString());
    }
}
