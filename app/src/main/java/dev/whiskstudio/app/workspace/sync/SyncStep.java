package dev.whiskstudio.app.workspace.sync;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * One write of a sync: the entity and the JSON body the platform is sent.
 *
 * @param kind      what is written
 * @param namespace the namespace ({@code _} for the key's own)
 * @param name      the name relative to the namespace: {@code pkg/action}, {@code action}, {@code trigger}; for
 *                  {@link EntityKind#FEED}, the trigger's
 * @param body      the PUT body (with {@code ?overwrite=true}); for {@link EntityKind#FEED},
 *                  {@code {"feed": "/ns/pkg/feed", "parameters": {...}}}: the feed action and what it is created
 *                  with (the key is added when the step runs, so a plan holds none)
 * @param dependsOn the {@link #id()}s of earlier steps this one needs
 */
public record SyncStep(EntityKind kind, String namespace, String name, JsonNode body, List<String> dependsOn) {

    public SyncStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        body = body == null ? null : body.deepCopy();
        dependsOn = List.copyOf(dependsOn);
    }

    /** A copy: a plan is a value, and its steps stay as built. */
    @Override
    public JsonNode body() {
        return body == null ? null : body.deepCopy();
    }

    /** {@code /ns/pkg/name}. */
    public String fullName() {
        return "/" + namespace + "/" + name;
    }

    /** Unique in a plan: {@code action:/_/demo/hello}. */
    public String id() {
        return kind.word() + ":" + fullName();
    }

    /** A line for a progress list: {@code action demo/hello}. */
    public String describe() {
        return kind.word() + " " + name;
    }

    /** Without the body, which holds code. */
    @Override
    public String toString() {
        return "SyncStep[" + id() + "]";
    }
}
