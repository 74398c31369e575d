package dev.whiskstudio.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.workspace.sync.EntityKind;
import dev.whiskstudio.app.workspace.sync.StepWriter;
import dev.whiskstudio.app.workspace.sync.SyncStep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Compares a {@link DeployPlan} with what the target holds: one GET per planned entity (a 404 means create), a GET
 * for each sequence component the plan does not write (a missing one blocks the sequence), and, for the extras, a
 * listing of the namespace's packages, actions, triggers and rules: an entity carrying this project's
 * {@link ProjectStamp} that the project no longer defines is extra, unless a sequence still uses it (then it is
 * kept). Reads only; blocks on the network.
 */
final class PreviewBuilder {
    private final OpenWhiskClient client;
    private final BooleanSupplier cancelled;

    PreviewBuilder(OpenWhiskClient client, BooleanSupplier cancelled) {
        this.client = client;
        this.cancelled = cancelled;
    }

    DeployPreview build(String targetName, DeployScope scope, DeployPlan deployPlan) throws IOException {
        String ns = deployPlan.plan().namespace();
        List<DeployItem> items = new ArrayList<>();
        Map<String, Map<String, JsonNode>> packageParameters = new HashMap<>();
        Map<String, Change> triggerChanges = new HashMap<>();
        Map<String, String> targetFeeds = new HashMap<>();
        Set<String> plannedActions = new HashSet<>();
        for (SyncStep s : deployPlan.plan().steps()) {
            if (s.kind() == EntityKind.ACTION || s.kind() == EntityKind.SEQUENCE) {
                plannedActions.add(s.fullName());
            }
        }
        for (SyncStep planned : deployPlan.plan().steps()) {
            checkCancelled();
            SyncStep step = planned;
            if (step.kind() == EntityKind.FEED) {
                items.add(feedItem(step, triggerChanges, targetFeeds));
                continue;
            }
            JsonNode actual = read(ns, step.kind().collection(), step.name()).orElse(null);
            if (step.kind() == EntityKind.PACKAGE && actual != null) {
                packageParameters.put(step.name(), EntityDiff.keyValues(actual.path("parameters")));
            }
            Change change;
            String detail = "";
            if (actual == null) {
                change = Change.CREATE;
            } else {
                SyncStep expected = new SyncStep(step.kind(), step.namespace(), step.name(), deployPlan.expected(step),
                        step.dependsOn());
                Optional<String> diff = EntityDiff.difference(expected, actual, inherited(ns, step, packageParameters));
                change = diff.isPresent() ? Change.UPDATE : Change.UNCHANGED;
                detail = diff.orElse("");
                List<String> dropped = step.kind() == EntityKind.ACTION || step.kind() == EntityKind.SEQUENCE
                        ? AnnotationRemoval.dropped(expected.body(), actual) : List.of();
                if (!dropped.isEmpty()) {
                    // the platform keeps an action's old annotations on update unless told which to delete
                    step = AnnotationRemoval.withDeletion(step, dropped);
                    if (change == Change.UNCHANGED) {
                        change = Change.UPDATE;
                        detail = "annotation " + String.join(", ", dropped) + " removed";
                    }
                }
            }
            if (step.kind() == EntityKind.TRIGGER) {
                triggerChanges.put(step.name(), change);
                String had = actual == null ? null : feedOf(actual);
                if (had != null) {
                    targetFeeds.put(step.name(), had);
                    if (deployPlan.feedOf(step.name()).isEmpty()) {
                        // the project dropped the feed: its registration goes first, and the trigger (which loses
                        // the record of it) is written only once that succeeded
                        SyncStep unregister = unregisterStep(step, had);
                        items.add(new DeployItem(EntityKind.FEED, step.name(), Change.UPDATE,
                                "no longer in the project: " + had + " is told to forget the trigger", null,
                                unregister));
                        List<String> needs = new ArrayList<>(step.dependsOn());
                        needs.add(unregister.id());
                        step = new SyncStep(step.kind(), step.namespace(), step.name(), step.body(), needs);
                    }
                }
            }
            String blocked = step.kind() == EntityKind.SEQUENCE && change != Change.UNCHANGED
                    ? missingComponent(ns, step, plannedActions) : null;
            items.add(new DeployItem(step.kind(), step.name(), change, detail, blocked, step));
        }
        items.addAll(new ExtraFinder(ns, deployPlan).find());
        return new DeployPreview(targetName, ns, scope, items, deployPlan.plan().warnings());
    }

    /**
     * A feed is (re)created whenever its trigger is written (the trigger carries its digest); when the target's
     * trigger records another feed, that one's registration is the one deleted first.
     */
    private static DeployItem feedItem(SyncStep step, Map<String, Change> triggerChanges,
                                       Map<String, String> targetFeeds) {
        Change change = triggerChanges.getOrDefault(step.name(), Change.CREATE);
        String feed = step.body().path("feed").asText();
        String had = targetFeeds.get(step.name());
        String detail = change == Change.UPDATE ? "its trigger changed" : "";
        SyncStep write = step;
        if (had != null && !had.equals(feed)) {
            ObjectNode body = (ObjectNode) step.body();
            body.put(StepWriter.PREVIOUS_FEED, had);
            write = new SyncStep(step.kind(), step.namespace(), step.name(), body, step.dependsOn());
            detail = "replaces " + had;
        }
        return new DeployItem(step.kind(), step.name(), change, detail, null, write);
    }

    private static SyncStep unregisterStep(SyncStep trigger, String feed) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("feed", feed);
        body.put(StepWriter.UNREGISTER, true);
        return new SyncStep(EntityKind.FEED, trigger.namespace(), trigger.name(), body, List.of());
    }

    /** The feed a trigger on the target records ({@code feed} annotation), else null. */
    static String feedOf(JsonNode trigger) {
        JsonNode feed = EntityDiff.keyValues(trigger.path("annotations")).get("feed");
        return feed != null && feed.isTextual() && !feed.asText().isBlank() ? feed.asText() : null;
    }

    /** The package parameters an action's GET shows merged in: its package's as the target has them. */
    private Map<String, JsonNode> inherited(String ns, SyncStep step, Map<String, Map<String, JsonNode>> known)
            throws IOException {
        int slash = step.name().indexOf('/');
        if (step.kind() != EntityKind.ACTION || slash < 0) {
            return Map.of();
        }
        String pkg = step.name().substring(0, slash);
        if (!known.containsKey(pkg)) {
            known.put(pkg, read(ns, EntityCollection.PACKAGES, pkg)
                    .map(p -> EntityDiff.keyValues(p.path("parameters"))).orElse(Map.of()));
        }
        return known.get(pkg);
    }

    /**
     * Why a sequence cannot be written: a component neither planned nor on the target, or one in another namespace
     * the key may not read; else null.
     */
    private String missingComponent(String ns, SyncStep sequence, Set<String> plannedActions) throws IOException {
        for (JsonNode c : sequence.body().path("exec").path("components")) {
            String component = c.asText();
            if (plannedActions.contains(component)) {
                continue;
            }
            String[] parts = component.substring(1).split("/", 2);
            if (parts.length < 2) {
                return "its component " + component + " is not on the target and not in this deploy";
            }
            try {
                client.get(parts[0], EntityCollection.ACTIONS, parts[1]);
            } catch (OpenWhiskException e) {
                if (e.status() == 404 || e.status() == 400) {
                    return "its component " + component + " is not on the target and not in this deploy";
                }
                if (ForeignRefusal.orSame(e, parts[0], ns, component) instanceof ForeignRefusal) {
                    return "its component " + component + " cannot be read with this key (HTTP 403: " + e.error() + ")";
                }
                throw AuthFailure.orSame(e);
            }
        }
        return null;
    }

    /** The extra entities of the plan's scope, in the order they are deleted. */
    private final class ExtraFinder {
        private final String ns;
        private final DeployPlan plan;
        private final Set<String> planned = new HashSet<>();

        ExtraFinder(String ns, DeployPlan plan) {
            this.ns = ns;
            this.plan = plan;
            plan.plan().steps().stream().filter(s -> s.kind() != EntityKind.FEED)
                    .forEach(s -> planned.add(s.kind().collection().path() + " " + s.name()));
        }

        private boolean isPlanned(EntityCollection collection, String name) {
            return planned.contains(collection.path() + " " + name);
        }

        List<DeployItem> find() throws IOException {
            DeployScope.Kind kind = plan.scope().kind();
            if (kind == DeployScope.Kind.ACTION || kind == DeployScope.Kind.PACKAGE && plan.extrasIn().isEmpty()) {
                return List.of();
            }
            checkCancelled();
            boolean whole = kind == DeployScope.Kind.PROJECT;
            String why = "not in the project " + plan.stamp().projectName() + " any more (it carries its mark)";
            List<JsonNode> actions = list(EntityCollection.ACTIONS);
            Map<String, Boolean> extraActions = new LinkedHashMap<>(); // name -> is a sequence
            List<String> existingSequences = new ArrayList<>();
            for (JsonNode a : actions) {
                String name = actionName(a);
                boolean sequence = "sequence".equals(EntityDiff.keyValues(a.path("annotations"))
                        .getOrDefault("exec", MissingNode.getInstance()).asText());
                boolean inScope = whole || name.startsWith(plan.extrasIn().get(0) + "/");
                if (inScope && !isPlanned(EntityCollection.ACTIONS, name) && plan.stamp().owns(a.path("annotations"))) {
                    extraActions.put(name, sequence);
                }
                if (sequence && !isPlanned(EntityCollection.ACTIONS, name)) {
                    existingSequences.add(name);
                }
            }
            Map<String, String> kept = kept(extraActions, existingSequences);
            List<DeployItem> rules = new ArrayList<>();
            List<DeployItem> triggers = new ArrayList<>();
            List<DeployItem> packages = new ArrayList<>();
            if (whole) {
                for (JsonNode r : list(EntityCollection.RULES)) {
                    addIfExtra(rules, EntityKind.RULE, r, why);
                }
                for (JsonNode t : list(EntityCollection.TRIGGERS)) {
                    addIfExtra(triggers, EntityKind.TRIGGER, t, why);
                }
                for (JsonNode p : list(EntityCollection.PACKAGES)) {
                    String name = p.path("name").asText();
                    if (p.path("binding").path("name").isTextual() && !p.path("binding").path("name").asText().isEmpty()
                            || isPlanned(EntityCollection.PACKAGES, name) || !plan.stamp().owns(p.path("annotations"))) {
                        continue;
                    }
                    Optional<String> other = actions.stream().map(PreviewBuilder::actionName)
                            .filter(a -> a.startsWith(name + "/") && (!extraActions.containsKey(a) || kept.containsKey(a)))
                            .findFirst();
                    packages.add(new DeployItem(EntityKind.PACKAGE, name, Change.DELETE, why,
                            other.map(a -> "it still holds action " + a).orElse(null), null));
                }
            }
            List<DeployItem> sequences = new ArrayList<>();
            List<DeployItem> plain = new ArrayList<>();
            extraActions.forEach((name, sequence) -> (sequence ? sequences : plain).add(new DeployItem(
                    sequence ? EntityKind.SEQUENCE : EntityKind.ACTION, name, Change.DELETE, why, kept.get(name), null)));
            List<DeployItem> all = new ArrayList<>(rules);
            all.addAll(triggers);
            all.addAll(sequences);
            all.addAll(plain);
            all.addAll(packages);
            return all;
        }

        private void addIfExtra(List<DeployItem> into, EntityKind kind, JsonNode entry, String why) {
            String name = entry.path("name").asText();
            if (!isPlanned(kind.collection(), name) && plan.stamp().owns(entry.path("annotations"))) {
                into.add(DeployItem.delete(kind, name, why));
            }
        }

        /**
         * The extra actions a sequence uses, with why they are kept: a planned sequence, or one the target keeps
         * (not extra, or kept itself), uses it.
         */
        private Map<String, String> kept(Map<String, Boolean> extra, List<String> existingSequences)
                throws IOException {
            Map<String, String> kept = new HashMap<>();
            if (extra.isEmpty()) {
                return kept;
            }
            Map<String, List<String>> components = new HashMap<>();
            for (SyncStep s : plan.plan().steps()) {
                if (s.kind() == EntityKind.SEQUENCE) {
                    components.put(s.name(), names(s.body().path("exec").path("components")));
                }
            }
            for (String sequence : existingSequences) {
                checkCancelled();
                read(ns, EntityCollection.ACTIONS, sequence)
                        .ifPresent(s -> components.put(sequence, names(s.path("exec").path("components"))));
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Map.Entry<String, List<String>> user : components.entrySet()) {
                    boolean stays = !extra.containsKey(user.getKey()) || kept.containsKey(user.getKey());
                    if (!stays) {
                        continue;
                    }
                    for (String used : user.getValue()) {
                        if (extra.containsKey(used) && !kept.containsKey(used)) {
                            kept.put(used, "the sequence " + user.getKey() + " uses it");
                            changed = true;
                        }
                    }
                }
            }
            return kept;
        }

        /** Components ({@code /ns/pkg/name}) as names in this namespace; others' are left out. */
        private List<String> names(JsonNode fullNames) {
            List<String> out = new ArrayList<>();
            for (JsonNode c : fullNames) {
                String full = c.asText().startsWith("/") ? c.asText() : "/" + c.asText();
                if (full.startsWith("/" + ns + "/")) {
                    out.add(full.substring(ns.length() + 2));
                }
            }
            return out;
        }

        private List<JsonNode> list(EntityCollection collection) throws IOException {
            checkCancelled();
            try {
                return client.listEntries(ns, collection);
            } catch (OpenWhiskException e) {
                throw AuthFailure.orSame(e);
            }
        }
    }

    /** An action's name in its namespace ({@code pkg/name}) from a listing entry, whose namespace is {@code ns/pkg}. */
    private static String actionName(JsonNode entry) {
        String namespace = entry.path("namespace").asText();
        int slash = namespace.indexOf('/');
        return (slash < 0 ? "" : namespace.substring(slash + 1) + "/") + entry.path("name").asText();
    }

    private Optional<JsonNode> read(String ns, EntityCollection collection, String name) throws IOException {
        try {
            return Optional.of(client.get(ns, collection, name));
        } catch (OpenWhiskException e) {
            // 400: a name the target refuses cannot be there; the write will say why with the platform's words
            if (e.status() == 404 || e.status() == 400) {
                return Optional.empty();
            }
            throw AuthFailure.orSame(e);
        }
    }

    private void checkCancelled() throws IOException {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("The preview was cancelled.");
        }
    }
}
