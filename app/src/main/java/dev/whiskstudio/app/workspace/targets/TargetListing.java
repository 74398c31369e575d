package dev.whiskstudio.app.workspace.targets;

import java.util.List;
import java.util.Optional;

/**
 * The targets found, and what got in the way of finding others (a malformed {@code ~/.wskprops}, an unreadable
 * {@code targets.json}): one readable sentence each, naming the file, for the UI to show without failing.
 */
public record TargetListing(List<TargetEntry> targets, List<String> problems) {

    public TargetListing {
        targets = List.copyOf(targets);
        problems = List.copyOf(problems);
    }

    public Optional<TargetEntry> byId(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public List<TargetEntry> from(TargetSource source) {
        return targets.stream().filter(t -> t.source() == source).toList();
    }
}
