package dev.whiskstudio.sim.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.KeyValues;
import dev.whiskstudio.sim.invoker.Placement;
import dev.whiskstudio.sim.invoker.StartKind;

import java.util.Locale;

/**
 * The simulator's insight into one activation, params aside (they are stored and shown beside it).
 *
 * @param containerId null for an activation that ran in no container (a sequence's, a trigger's, a conductor's own
 *                    record, a feed's) or got none
 * @param startKind   null when there was no container
 * @param end         the record's end; a trigger's record has none, so its start
 * @param initTime    null when there was no {@code /init}
 */
public record ActivationInsight(String activationId, String containerId, StartKind startKind, long queuedAt,
                                long start, long end, long waitTime, Long initTime) {

    /** The insight into a record, from where the invoker placed it (null when it ran in no container). */
    static ActivationInsight of(ActivationRecord record, Placement placement) {
        long end = record.end() == 0 ? record.start() : record.end();
        if (placement != null) {
            return new ActivationInsight(record.activationId(), placement.containerId(), placement.startKind(),
                    placement.queuedAt(), record.start(), end, placement.waitTime(), placement.initTime());
        }
        JsonNode wait = KeyValues.get(record.annotations(), "waitTime");
        long waitTime = wait != null && wait.canConvertToLong() ? Math.max(0, wait.asLong()) : 0;
        return new ActivationInsight(record.activationId(), null, null, record.start() - waitTime, record.start(), end,
                waitTime, null);
    }

    /** The insight object of the API, without {@code params}. */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("activationId", activationId);
        o.put("containerId", containerId);
        o.put("startKind", startKindText(startKind));
        o.put("queuedAt", queuedAt);
        o.put("start", start);
        o.put("end", end);
        o.put("waitTime", waitTime);
        o.put("initTime", initTime);
        return o;
    }

    /** {@code cold}, {@code prewarm}, {@code warm}, or null. */
    static String startKindText(StartKind kind) {
        return kind == null ? null : kind.name().toLowerCase(Locale.ROOT);
    }
}
