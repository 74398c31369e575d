package dev.whiskstudio.app.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.EntitySummary;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.explorer.ExplorerNode.ActionNode;
import dev.whiskstudio.app.explorer.ExplorerNode.GroupNode;
import dev.whiskstudio.app.explorer.ExplorerNode.NamespaceNode;
import dev.whiskstudio.app.explorer.ExplorerNode.PackageNode;
import dev.whiskstudio.app.explorer.ExplorerNode.RuleNode;
import dev.whiskstudio.app.explorer.ExplorerNode.TargetNode;
import dev.whiskstudio.app.explorer.ExplorerNode.TriggerNode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The children of one row, read from the target: blocking REST calls, so it runs off the FX thread. One level at a
 * time, so a large namespace costs only what the user opens.
 */
public final class EntityLoader {
    private static final Comparator<ExplorerNode> BY_LABEL =
            Comparator.comparing((ExplorerNode n) -> n.label().toLowerCase()).thenComparing(ExplorerNode::label);

    private final OpenWhiskClient client;

    public EntityLoader(OpenWhiskClient client) {
        this.client = client;
    }

    /**
     * The children of {@code parent}: namespaces of the target; packages, default-package actions and the triggers
     * and rules groups of a namespace; the actions of a package; the entities of a group.
     *
     * @param cancelled checked between requests, so a cancelled load stops early
     */
    public List<ExplorerNode> children(ExplorerNode parent, BooleanSupplier cancelled) throws IOException {
        if (parent instanceof TargetNode) {
            return namespaces();
        }
        if (parent instanceof NamespaceNode ns) {
            return namespaceContents(ns.namespace(), cancelled);
        }
        if (parent instanceof PackageNode p) {
            return packageActions(p);
        }
        if (parent instanceof GroupNode g) {
            return g.group() == ExplorerNode.Group.TRIGGERS ? triggers(g.namespace()) : rules(g.namespace(), cancelled);
        }
        return List.of();
    }

    private List<ExplorerNode> namespaces() throws IOException {
        List<ExplorerNode> nodes = new ArrayList<>();
        for (String ns : client.namespaces()) {
            nodes.add(new NamespaceNode(ns));
        }
        nodes.sort(BY_LABEL);
        return nodes;
    }

    private List<ExplorerNode> namespaceContents(String namespace, BooleanSupplier cancelled) throws IOException {
        List<ExplorerNode> packages = new ArrayList<>();
        for (JsonNode p : client.listEntries(namespace, EntityCollection.PACKAGES)) {
            JsonNode binding = p.get("binding");
            String boundTo = binding != null && binding.isObject() && binding.hasNonNull("name")
                    ? "/" + binding.path("namespace").asText() + "/" + binding.get("name").asText() : null;
            packages.add(new PackageNode(namespace, p.path("name").asText(), p.path("publish").asBoolean(false), boundTo));
        }
        checkCancelled(cancelled);
        List<ExplorerNode> actions = new ArrayList<>();
        // the namespace's listing holds every action; the default package's are those whose path is the namespace
        for (EntitySummary a : client.listActions(namespace)) {
            if (a.namespace().equals(namespace)) {
                actions.add(action(new ActionRef(namespace, null, a.name()), a.annotations(), false));
            }
        }
        packages.sort(BY_LABEL);
        actions.sort(BY_LABEL);
        List<ExplorerNode> nodes = new ArrayList<>(packages);
        nodes.addAll(actions);
        nodes.add(new GroupNode(namespace, ExplorerNode.Group.TRIGGERS));
        nodes.add(new GroupNode(namespace, ExplorerNode.Group.RULES));
        return nodes;
    }

    /** A binding lists the bound package's actions; they are shown under the binding's name, as they are invoked. */
    private List<ExplorerNode> packageActions(PackageNode pkg) throws IOException {
        List<ExplorerNode> actions = new ArrayList<>();
        for (EntitySummary a : client.listPackageActions(pkg.namespace(), pkg.name())) {
            actions.add(action(new ActionRef(pkg.namespace(), pkg.name(), a.name()), a.annotations(), pkg.isBinding()));
        }
        actions.sort(BY_LABEL);
        return actions;
    }

    private static ActionNode action(ActionRef ref, JsonNode annotations, boolean viaBinding) {
        JsonNode kind = Annotations.value(annotations, "exec");
        return new ActionNode(ref, kind == null ? "" : kind.asText(), Annotations.isTrue(annotations, "web-export"),
                viaBinding);
    }

    private List<ExplorerNode> triggers(String namespace) throws IOException {
        List<ExplorerNode> triggers = new ArrayList<>();
        for (EntitySummary t : client.listTriggers(namespace)) {
            triggers.add(new TriggerNode(namespace, t.name(), Annotations.value(t.annotations(), "feed") != null));
        }
        triggers.sort(BY_LABEL);
        return triggers;
    }

    /** The listing leaves out a rule's state, so each rule is read once more. */
    private List<ExplorerNode> rules(String namespace, BooleanSupplier cancelled) throws IOException {
        List<ExplorerNode> rules = new ArrayList<>();
        for (JsonNode listed : client.listEntries(namespace, EntityCollection.RULES)) {
            checkCancelled(cancelled);
            String name = listed.path("name").asText();
            JsonNode rule = client.get(namespace, EntityCollection.RULES, name);
            rules.add(new RuleNode(namespace, name, "active".equals(rule.path("status").asText()),
                    linkName(rule.get("trigger")), linkName(rule.get("action"))));
        }
        rules.sort(BY_LABEL);
        return rules;
    }

    /** A rule's {@code {"path","name"}} link (or a plain string) as {@code /path/name}. */
    static String linkName(JsonNode link) {
        if (link == null || link.isNull()) {
            return "";
        }
        if (link.isTextual()) {
            return link.asText();
        }
        return "/" + link.path("path").asText() + "/" + link.path("name").asText();
    }

    private static void checkCancelled(BooleanSupplier cancelled) throws InterruptedIOException {
        if (cancelled.getAsBoolean()) {
            throw new InterruptedIOException("cancelled");
        }
    }
}
