package dev.whiskstudio.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.EntitySummary;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.workspace.sync.EntityKind;
import dev.whiskstudio.app.workspace.sync.SyncStep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Compares a {@link DeployPlan} with what the target holds: one GET per planned entity (a 404 means create), a GET
 * for each sequence component the plan does not write (a missing one blocks the sequence), and a listing of each
 * package the extras are looked for in. Reads only; blocks on the network.
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
        Set<String> plannedActions = new HashSet<>();
        for (SyncStep s : deployPlan.plan().steps()) {
            if (s.kind() == EntityKind.ACTION || s.kind() == EntityKind.SEQUENCE) {
                plannedActions.add(s.fullName());
            }
        }
        for (SyncStep step : deployPlan.plan().steps()) {
            checkCancelled();
            if (step.kind() == EntityKind.FEED) {
                // the feed is (re)created whenever its trigger is written: the trigger carries its digest
                Change change = triggerChanges.getOrDefault(step.name(), Change.CREATE);
                items.add(new DeployItem(step.kind(), step.name(), change,
                        change == Change.UPDATE ? "its trigger changed" : "", null, step));
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
                Optional<String> diff = EntityDiff.difference(step, actual, inherited(ns, step, packageParameters));
                change = diff.isPresent() ? Change.UPDATE : Change.UNCHANGED;
                detail = diff.orElse("");
            }
            if (step.kind() == EntityKind.TRIGGER) {
                triggerChanges.put(step.name(), change);
            }
            String blocked = step.kind() == EntityKind.SEQUENCE && change != Change.UNCHANGED
                    ? missingComponent(step, plannedActions) : null;
            items.add(new DeployItem(step.kind(), step.name(), change, detail, blocked, step));
        }
        items.addAll(extras(ns, deployPlan, plannedActions));
        return new DeployPreview(targetName, ns, scope, items, deployPlan.plan().warnings());
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

    /** Why a sequence cannot be written: a component neither planned nor on the target; else null. */
    private String missingComponent(SyncStep sequence, Set<String> plannedActions) throws IOException {
        for (JsonNode c : sequence.body().path("exec").path("components")) {
            String component = c.asText();
            if (plannedActions.contains(component)) {
                continue;
            }
            String[] parts = component.substring(1).split("/", 2);
            if (parts.length < 2 || read(parts[0], EntityCollection.ACTIONS, parts[1]).isEmpty()) {
                return "its component " + component + " is not on the target and not in this deploy";
            }
        }
        return null;
    }

    /** Actions and sequences the target has in the project's packages that the project no longer defines. */
    private List<DeployItem> extras(String ns, DeployPlan deployPlan, Set<String> plannedActions) throws IOException {
        List<DeployItem> sequences = new ArrayList<>();
        List<DeployItem> actions = new ArrayList<>();
        for (String pkg : deployPlan.extrasIn()) {
            checkCancelled();
            if (read(ns, EntityCollection.PACKAGES, pkg).isEmpty()) {
                continue;
            }
            for (EntitySummary a : client.listPackageActions(ns, pkg)) {
                String name = pkg + "/" + a.name();
                if (plannedActions.contains("/" + ns + "/" + name)) {
                    continue;
                }
                boolean sequence = "sequence".equals(EntityDiff.keyValues(a.annotations()).getOrDefault("exec",
                        com.fasterxml.jackson.databind.node.MissingNode.getInstance()).asText());
                String why = "not in the project's package " + pkg;
                (sequence ? sequences : actions).add(DeployItem.delete(
                        sequence ? EntityKind.SEQUENCE : EntityKind.ACTION, name, why));
            }
        }
        // sequences go before the actions they may hold
        List<DeployItem> all = new ArrayList<>(sequences);
        all.addAll(actions);
        return all;
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
