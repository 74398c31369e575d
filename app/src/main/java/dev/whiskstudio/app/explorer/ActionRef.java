package dev.whiskstudio.app.explorer;

import java.util.Objects;

/**
 * An action of a target: its namespace, its package (null for the default package; a binding's name when reached
 * through a binding) and its name.
 */
public record ActionRef(String namespace, String packageName, String name) {

    public ActionRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (packageName != null && packageName.isEmpty()) {
            packageName = null;
        }
    }

    /** {@code /ns/pkg/name} or {@code /ns/name}. */
    public static ActionRef parse(String qualifiedName) {
        String[] parts = qualifiedName.replaceFirst("^/", "").split("/");
        return switch (parts.length) {
            case 2 -> new ActionRef(parts[0], null, parts[1]);
            case 3 -> new ActionRef(parts[0], parts[1], parts[2]);
            default -> throw new IllegalArgumentException("not a fully qualified action name: " + qualifiedName);
        };
    }

    /** The name within the namespace, as the REST client takes it: {@code pkg/name} or {@code name}. */
    public String path() {
        return packageName == null ? name : packageName + "/" + name;
    }

    /** {@code /ns/pkg/name} or {@code /ns/name}. */
    public String qualifiedName() {
        return "/" + namespace + "/" + path();
    }

    public ActionRef withName(String newName) {
        return new ActionRef(namespace, packageName, newName);
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
