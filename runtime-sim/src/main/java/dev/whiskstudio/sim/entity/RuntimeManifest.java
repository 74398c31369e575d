package dev.whiskstudio.sim.entity;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The action kinds the platform accepts, as its runtime manifest lists them, and the default of each family
 * ({@code nodejs:default} resolves to it when an action is created).
 */
public final class RuntimeManifest {
    public static final String SEQUENCE = "sequence";
    private final List<String> kinds;
    private final String defaultNodejs;

    public RuntimeManifest(List<String> kinds, String defaultNodejs) {
        this.kinds = List.copyOf(kinds);
        this.defaultNodejs = defaultNodejs;
    }

    public static RuntimeManifest standard() {
        return new RuntimeManifest(List.of("nodejs:18", "nodejs:20", "nodejs:22"), "nodejs:20");
    }

    /** The concrete kind for a requested one ({@code nodejs:default} → the default), or null if unknown. */
    public String resolve(String requested) {
        if ("nodejs:default".equals(requested)) {
            return defaultNodejs;
        }
        return kinds.contains(requested) ? requested : null;
    }

    /** Every kind a client may ask for, for the platform's "Valid values are" message. */
    public Set<String> validKinds() {
        Set<String> all = new TreeSet<>(kinds);
        all.add("nodejs:default");
        all.add(SEQUENCE);
        return all;
    }
}
