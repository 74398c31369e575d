package dev.whiskstudio.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.workspace.sync.SyncStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An action's annotations that the project no longer sets. On update the platform merges an action's annotations
 * with its old ones, deleting only those named in {@code delAnnotations}; without that, an annotation removed from
 * the manifest ({@code provide-api-key: true}, {@code final}, {@code web-export}) would stay on the target for good.
 */
final class AnnotationRemoval {
    /** What the controller sets itself: never the project's to delete. */
    private static final Set<String> PLATFORM_KEYS = Set.of("exec");

    private AnnotationRemoval() {
    }

    /** The target's annotations that {@code wanted} no longer has, in their order. */
    static List<String> dropped(JsonNode wanted, JsonNode actual) {
        Map<String, JsonNode> want = EntityDiff.keyValues(wanted.path("annotations"));
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, JsonNode> had : EntityDiff.keyValues(actual.path("annotations")).entrySet()) {
            String key = had.getKey();
            if (want.containsKey(key) || PLATFORM_KEYS.contains(key)) {
                continue;
            }
            // the platform's own default on create: false is what an action without the annotation has anyway
            if (key.equals("provide-api-key") && !had.getValue().asBoolean(false)) {
                continue;
            }
            dropped.add(key);
        }
        return dropped;
    }

    /** The step with {@code delAnnotations} naming the annotations to delete. */
    static SyncStep withDeletion(SyncStep step, List<String> dropped) {
        ObjectNode body = ((ObjectNode) step.body()).deepCopy();
        ArrayNode keys = body.putArray("delAnnotations");
        dropped.forEach(keys::add);
        return new SyncStep(step.kind(), step.namespace(), step.name(), body, step.dependsOn());
    }
}
