package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.workspace.sync.EntityKind;
import dev.whiskstudio.app.workspace.sync.SyncStep;

import java.util.Objects;

/**
 * One row of a preview: an entity and what the deploy does to it.
 *
 * @param kind    what it is
 * @param name    its name in the namespace ({@code pkg/name} for a packaged action; a feed has its trigger's)
 * @param change  create, update, unchanged or delete
 * @param detail  for an update, what differs ("code", "parameter greeting"); for a delete, why; else empty
 * @param blocked why it cannot be written (a sequence whose component is missing on the target), or for an extra
 *                entity why it is kept (a sequence uses it), else null
 * @param step    the write, from the sync plan; null for a delete
 */
public record DeployItem(EntityKind kind, String name, Change change, String detail, String blocked, SyncStep step) {

    public DeployItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        detail = detail == null ? "" : detail;
        if (change != Change.DELETE) {
            Objects.requireNonNull(step, "step");
        }
    }

    static DeployItem delete(EntityKind kind, String name, String detail) {
        return new DeployItem(kind, name, Change.DELETE, detail, null, null);
    }

    /** Unique in a preview; the plan's step id for a write ({@code action:/guest/demo/hello}). */
    public String id() {
        return step != null ? step.id() : "delete:" + kind.word() + ":" + name;
    }

    /** Where a delete goes. */
    EntityCollection collection() {
        return kind.collection();
    }

    /** {@code action demo/hello}. */
    public String describe() {
        return kind.word() + " " + name;
    }

    @Override
    public String toString() {
        return "DeployItem[" + change.word() + " " + describe() + (detail.isEmpty() ? "" : " (" + detail + ")") + "]";
    }
}
