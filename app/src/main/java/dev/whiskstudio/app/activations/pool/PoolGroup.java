package dev.whiskstudio.app.activations.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Containers shown together: those of one action, the stem cells of one kind and memory size, or those of other
 * namespaces (which the simulator does not name).
 *
 * @param key        stable identity across snapshots
 * @param title      the heading
 * @param containers the group's containers, by name
 */
record PoolGroup(String key, String title, List<PoolContainer> containers) {
    private static final Comparator<PoolContainer> BY_NAME =
            Comparator.comparing(PoolContainer::name).thenComparing(PoolContainer::containerId);

    /** The groups of {@code containers} in a stable order: actions by path, then stem cells by kind and size, then others. */
    static List<PoolGroup> of(List<PoolContainer> containers) {
        Map<String, List<PoolContainer>> actions = new LinkedHashMap<>();
        Map<String, List<PoolContainer>> stems = new LinkedHashMap<>();
        List<PoolContainer> others = new ArrayList<>();
        for (PoolContainer container : containers) {
            if (container.action() != null) {
                actions.computeIfAbsent(container.action(), k -> new ArrayList<>()).add(container);
            } else if (container.stemCell()) {
                stems.computeIfAbsent(stemKey(container), k -> new ArrayList<>()).add(container);
            } else {
                others.add(container);
            }
        }
        List<PoolGroup> groups = new ArrayList<>();
        actions.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()))
                .forEach(action -> groups.add(group("action:" + action, action, actions.get(action))));
        stems.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<PoolContainer>> e) -> e.getValue().get(0).kind())
                        .thenComparingLong(e -> e.getValue().get(0).memoryMb()))
                .forEach(e -> {
                    PoolContainer first = e.getValue().get(0);
                    String kind = first.kind().isEmpty() ? "any kind" : first.kind();
                    groups.add(group(e.getKey(), String.format(Locale.ROOT, "Stem cells · %s · %,d MB", kind,
                            first.memoryMb()), e.getValue()));
                });
        if (!others.isEmpty()) {
            groups.add(group("others", "Other namespaces", others));
        }
        return groups;
    }

    private static String stemKey(PoolContainer container) {
        return "stem:" + container.kind() + ":" + container.memoryMb();
    }

    private static PoolGroup group(String key, String title, List<PoolContainer> members) {
        List<PoolContainer> sorted = new ArrayList<>(members);
        sorted.sort(BY_NAME);
        return new PoolGroup(key, title, List.copyOf(sorted));
    }
}
