package dev.whiskstudio.app.deploy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deploy would do, before anything is sent: writes in the order they run (packages, actions, sequences,
 * triggers with their feeds, rules), then the extra entities the target has with the project's mark, in the order
 * they are deleted (rules, triggers, sequences, actions, packages).
 *
 * @param target    the target's name, for a person
 * @param namespace the namespace written to (resolved: never {@code _})
 * @param scope     what the deploy covers
 * @param items     every entity, in order
 * @param warnings  what the plan noticed (undefined {@code $VAR}s, ...)
 */
public record DeployPreview(String target, String namespace, DeployScope scope, List<DeployItem> items,
                            List<String> warnings) {

    public DeployPreview {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }

    public long count(Change change) {
        return items.stream().filter(i -> i.change() == change).count();
    }

    public Map<Change, Long> counts() {
        Map<Change, Long> counts = new EnumMap<>(Change.class);
        for (Change c : Change.values()) {
            counts.put(c, count(c));
        }
        return counts;
    }

    /** Nothing to create or update (extra entities aside). */
    public boolean upToDate() {
        return count(Change.CREATE) == 0 && count(Change.UPDATE) == 0;
    }

    /**
     * The {@code $VAR}s the project uses that neither the environment nor {@code .env} defines (sent as empty
     * strings), sorted, each once.
     */
    public List<String> missingVariables() {
        TreeSet<String> names = new TreeSet<>();
        for (String w : warnings) {
            Matcher m = MISSING.matcher(w);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return List.copyOf(names);
    }

    /** How the sync's plan words an undefined variable (see {@code workspace.sync.Variables}). */
    private static final Pattern MISSING =
            Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*) is not set in the environment");

    /** "2 to create, 1 to update, 5 unchanged, 1 extra". */
    public String summary() {
        return count(Change.CREATE) + " to create, " + count(Change.UPDATE) + " to update, "
                + count(Change.UNCHANGED) + " unchanged, " + count(Change.DELETE) + " extra on the target";
    }
}
