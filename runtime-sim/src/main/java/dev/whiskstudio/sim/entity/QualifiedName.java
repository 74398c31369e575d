package dev.whiskstudio.sim.entity;

/**
 * Where an entity lives: its namespace, its package ({@code null} for the default package) and its name.
 * {@link #docId()} is the key the store uses; as on the platform, it is shared by every collection.
 */
public record QualifiedName(String namespace, String pkg, String name) {

    /** {@code ns} or {@code ns/pkg}: the value of an entity's {@code namespace} field. */
    public String path() {
        return pkg == null ? namespace : namespace + "/" + pkg;
    }

    public String docId() {
        return path() + "/" + name;
    }

    /** {@code /ns/pkg/name}. */
    public String fullyQualified() {
        return "/" + docId();
    }

    /** {@code pkg/name} or {@code name}: the name relative to the namespace. */
    public String relative() {
        return pkg == null ? name : pkg + "/" + name;
    }

    /** Parses {@code /ns/name}, {@code /ns/pkg/name}, {@code ns/pkg/name}, or a relative {@code [pkg/]name} against a default namespace. */
    public static QualifiedName parse(String text, String defaultNamespace) {
        String trimmed = text.trim();
        boolean absolute = trimmed.startsWith("/");
        String[] parts = (absolute ? trimmed.substring(1) : trimmed).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty segment in " + text);
            }
        }
        if (absolute) {
            if (parts.length == 2) {
                return new QualifiedName(parts[0], null, parts[1]);
            }
            if (parts.length == 3) {
                return new QualifiedName(parts[0], parts[1], parts[2]);
            }
        } else {
            if (parts.length == 1) {
                return new QualifiedName(defaultNamespace, null, parts[0]);
            }
            if (parts.length == 2) {
                return new QualifiedName(defaultNamespace, parts[0], parts[1]);
            }
            if (parts.length == 3) {
                return new QualifiedName(parts[0], parts[1], parts[2]);
            }
        }
        throw new IllegalArgumentException("not an entity name: " + text);
    }

    /**
     * A name in a request body (a rule's trigger or action, a sequence component): at least namespace and name,
     * {@code _} meaning the caller's namespace. Fewer segments are malformed, as on the platform.
     */
    public static QualifiedName parseFullyQualified(String text, String callerNamespace) {
        String[] parts = java.util.Arrays.stream(text.trim().split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        if (parts.length < 2 || parts.length > 3) {
            throw new MalformedEntityException(
                    "requirement failed: The fully qualified name of the entity must contain at least the namespace and the name of the entity.");
        }
        String ns = "_".equals(parts[0]) ? callerNamespace : parts[0];
        return parts.length == 2 ? new QualifiedName(ns, null, parts[1]) : new QualifiedName(ns, parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return fullyQualified();
    }
}
