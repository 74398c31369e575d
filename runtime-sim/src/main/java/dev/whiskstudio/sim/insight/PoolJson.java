package dev.whiskstudio.sim.insight;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.invoker.PoolSnapshot;

import java.util.Set;

/**
 * The container pool as the API shows it to one key: every container is listed (they share the capacity), but
 * which namespace and action a container belongs to is only shown for the key's own namespaces.
 */
final class PoolJson {
    private PoolJson() {
    }

    static ObjectNode render(PoolSnapshot snapshot, Set<String> visibleNamespaces) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("capacityMb", snapshot.capacityMb());
        o.put("usedMb", snapshot.usedMb());
        o.put("queued", snapshot.queued());
        ArrayNode containers = o.putArray("containers");
        for (PoolSnapshot.Entry e : snapshot.containers()) {
            boolean visible = e.namespace() != null && visibleNamespaces.contains(e.namespace());
            ObjectNode c = containers.addObject();
            c.put("containerId", e.containerId());
            c.put("name", e.name());
            c.put("kind", e.kind());
            c.put("memoryMb", e.memoryMb());
            c.put("state", state(e));
            c.put("namespace", visible ? e.namespace() : null);
            c.put("action", visible ? e.action() : null);
            c.put("active", e.active());
            c.put("lastUsed", e.lastUsed());
        }
        return o;
    }

    /** The pool's own states, with a warm container that runs something called busy. */
    private static String state(PoolSnapshot.Entry e) {
        return "warm".equals(e.state()) && e.active() > 0 ? "busy" : e.state();
    }
}
