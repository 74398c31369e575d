package dev.whiskstudio.app.workspace.targets;

import dev.whiskstudio.app.client.Target;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A target as the catalog lists it.
 *
 * @param id        unique in a listing: the source's key and the name, e.g. {@code user:staging}
 * @param target    name, API host and key, for the REST client
 * @param namespace the namespace the key opens, or null when unknown ({@code _}, the key's own, is used then)
 * @param source    where it was found
 * @param origin    the file it was read from, or null (the simulator)
 */
public record TargetEntry(String id, Target target, String namespace, TargetSource source, Path origin) {
    /** The namespace meaning "the one of the key", which every OpenWhisk understands. */
    public static final String OWN_NAMESPACE = "_";

    public TargetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        namespace = namespace == null || namespace.isBlank() ? null : namespace.strip();
    }

    public static TargetEntry of(Target target, String namespace, TargetSource source, Path origin) {
        return new TargetEntry(source.key() + ":" + target.name(), target, namespace, source, origin);
    }

    public String name() {
        return target.name();
    }

    public String apiHost() {
        return target.apiHost();
    }

    /** The key as the UI shows it. */
    public String maskedAuth() {
        return KeyMask.mask(target.auth());
    }

    /** The namespace to put in request paths: the known one, else {@code _}. */
    public String namespaceOrDefault() {
        return namespace == null ? OWN_NAMESPACE : namespace;
    }

    @Override
    public String toString() {
        return "TargetEntry[id=" + id + ", apiHost=" + apiHost() + ", namespace=" + namespace + ", source=" + source
                + ", origin=" + origin + ", auth=" + maskedAuth() + "]";
    }
}
