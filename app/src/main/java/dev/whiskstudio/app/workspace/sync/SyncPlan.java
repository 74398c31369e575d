package dev.whiskstudio.app.workspace.sync;

import java.util.List;
import java.util.Optional;

/**
 * What a sync will do, in order, before anything is sent: a value the UI can show (and that a later deploy can
 * compare with what a cluster holds).
 *
 * @param namespace the namespace the steps write to ({@code _}: the key's own)
 * @param steps     in the order they run
 * @param warnings  what the planner noticed but did not stop for, e.g. an undefined {@code $VAR}
 */
public record SyncPlan(String namespace, List<SyncStep> steps, List<String> warnings) {

    public SyncPlan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public int size() {
        return steps.size();
    }

    public Optional<SyncStep> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<SyncStep> steps(EntityKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).toList();
    }
}
