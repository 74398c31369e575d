package dev.whiskstudio.app.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.util.Optional;

/**
 * What the explorer's commands do on the target: blocking REST calls, run off the FX thread. The platform has no
 * rename, so renaming copies the entity to the new name and then deletes the old one.
 */
public final class EntityCommands {
    public static final String NEW_ACTION_KIND = "nodejs:20";
    public static final String STARTER_CODE = """
            function main(params) {
              return { payload: `Hello, ${params.name || 'world'}!` };
            }
            """;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final OpenWhiskClient client;

    public EntityCommands(OpenWhiskClient client) {
        this.client = client;
    }

    /** Creates a Node.js action with the starter code; refuses a name already taken. */
    public void createAction(ActionRef action) throws IOException {
        refuseIfExists(action.namespace(), EntityCollection.ACTIONS, action.path(), "An action");
        ObjectNode doc = JSON.objectNode();
        doc.putObject("exec").put("kind", NEW_ACTION_KIND).put("code", STARTER_CODE);
        client.put(action.namespace(), EntityCollection.ACTIONS, action.path(), doc, false);
    }

    public void createPackage(String namespace, String name, boolean shared) throws IOException {
        refuseIfExists(namespace, EntityCollection.PACKAGES, name, "A package");
        client.putPackage(namespace, name, JSON.objectNode().put("publish", shared), false);
    }

    public void createTrigger(String namespace, String name) throws IOException {
        refuseIfExists(namespace, EntityCollection.TRIGGERS, name, "A trigger");
        client.put(namespace, EntityCollection.TRIGGERS, name, JSON.objectNode(), false);
    }

    /** A rule from a trigger to an action, each a name in the namespace or fully qualified ({@code /ns/name}). */
    public void createRule(String namespace, String name, String trigger, String action) throws IOException {
        refuseIfExists(namespace, EntityCollection.RULES, name, "A rule");
        ObjectNode doc = JSON.objectNode().put("trigger", qualified(namespace, trigger)).put("action", qualified(namespace, action));
        client.put(namespace, EntityCollection.RULES, name, doc, false);
    }

    /**
     * Renames an action: a copy (code, parameters, annotations, limits, publish) under the new name, then the old one
     * deleted. Rules and sequences that name the old action are not changed.
     */
    public ActionRef renameAction(ActionRef from, String newName) throws IOException {
        ActionRef to = from.withName(newName);
        refuseIfExists(to.namespace(), EntityCollection.ACTIONS, to.path(), "An action");
        JsonNode old = client.get(from.namespace(), EntityCollection.ACTIONS, from.path());
        ObjectNode copy = JSON.objectNode();
        copy.set("exec", old.get("exec"));
        copy.set("parameters", old.path("parameters").isArray() ? old.get("parameters") : JSON.arrayNode());
        copy.set("annotations", withoutKey(old.get("annotations"), "exec"));
        if (old.hasNonNull("limits")) {
            copy.set("limits", old.get("limits"));
        }
        copy.put("publish", old.path("publish").asBoolean(false));
        client.put(to.namespace(), EntityCollection.ACTIONS, to.path(), copy, false);
        client.delete(from.namespace(), EntityCollection.ACTIONS, from.path(), false);
        return to;
    }

    /** Renames a rule: the same trigger, action and state under the new name, then the old one deleted. */
    public void renameRule(String namespace, String from, String newName) throws IOException {
        refuseIfExists(namespace, EntityCollection.RULES, newName, "A rule");
        JsonNode old = client.get(namespace, EntityCollection.RULES, from);
        ObjectNode copy = JSON.objectNode()
                .put("trigger", EntityLoader.linkName(old.get("trigger")))
                .put("action", EntityLoader.linkName(old.get("action")));
        copy.set("annotations", old.path("annotations").isArray() ? old.get("annotations") : JSON.arrayNode());
        client.put(namespace, EntityCollection.RULES, newName, copy, false);
        if (!"active".equals(old.path("status").asText())) {
            client.setRuleActive(namespace, newName, false);
        }
        client.delete(namespace, EntityCollection.RULES, from, false);
    }

    /** Deletes an action, package (the platform refuses a package that still holds actions), trigger or rule. */
    public void delete(ExplorerNode node) throws IOException {
        if (node instanceof ExplorerNode.ActionNode a) {
            client.delete(a.ref().namespace(), EntityCollection.ACTIONS, a.ref().path(), false);
        } else if (node instanceof ExplorerNode.PackageNode p) {
            client.delete(p.namespace(), EntityCollection.PACKAGES, p.name(), false);
        } else if (node instanceof ExplorerNode.TriggerNode t) {
            client.delete(t.namespace(), EntityCollection.TRIGGERS, t.name(), false);
        } else if (node instanceof ExplorerNode.RuleNode r) {
            client.delete(r.namespace(), EntityCollection.RULES, r.name(), false);
        } else {
            throw new RefusedException(node.label() + " cannot be deleted.");
        }
    }

    /** Fires a trigger with no payload; the trigger activation's id, or empty when no active rule took it. */
    public Optional<String> fire(String namespace, String trigger) throws IOException {
        return client.fireTrigger(namespace, trigger, null);
    }

    public void setRuleActive(String namespace, String rule, boolean active) throws IOException {
        client.setRuleActive(namespace, rule, active);
    }

    /** {@code {apihost}/api/v1/web/{ns}/{pkg or default}/{name}}, with the path segments encoded. */
    public static String webUrl(String apiHost, ActionRef action) {
        String host = apiHost.strip();
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        HttpUrl base = HttpUrl.parse(host.contains("://") ? host : "https://" + host);
        if (base == null) {
            throw new IllegalArgumentException("not an API host: " + apiHost);
        }
        return base.newBuilder().addPathSegments("api/v1/web")
                .addPathSegment(action.namespace())
                .addPathSegment(action.packageName() == null ? "default" : action.packageName())
                .addPathSegment(action.name())
                .build().toString();
    }

    private void refuseIfExists(String namespace, EntityCollection collection, String name, String what)
            throws IOException {
        try {
            client.get(namespace, collection, name);
        } catch (OpenWhiskException e) {
            if (e.status() == 404) {
                return;
            }
            throw e;
        }
        throw new RefusedException(what + " named " + name + " already exists in " + namespace + ".");
    }

    private static String qualified(String namespace, String name) {
        String n = name.strip();
        return n.startsWith("/") ? n : "/" + namespace + "/" + n;
    }

    private static ArrayNode withoutKey(JsonNode annotations, String key) {
        ArrayNode kept = JSON.arrayNode();
        if (annotations != null && annotations.isArray()) {
            annotations.forEach(a -> {
                if (!key.equals(a.path("key").asText())) {
                    kept.add(a);
                }
            });
        }
        return kept;
    }
}
