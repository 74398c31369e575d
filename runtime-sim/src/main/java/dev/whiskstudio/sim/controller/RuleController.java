package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.MalformedEntityException;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.store.EntityStore;
import dev.whiskstudio.sim.store.StoredEntity;

import java.util.ArrayList;
import java.util.List;

/** Rules: a trigger and an action, active or inactive. */
public final class RuleController {
    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";

    private final Entities entities;
    private final ActionController actions;

    public RuleController(Entities entities, ActionController actions) {
        this.entities = entities;
        this.actions = actions;
    }

    public ObjectNode put(Identity who, String ns, String name, JsonNode rawBody, boolean overwrite) {
        QualifiedName qn = entities.ownedName(who, ns, null, name);
        String namespace = qn.namespace();
        ObjectNode body = Entities.objectBody(rawBody);
        StoredEntity existing = entities.find(Collection.RULES, qn).orElse(null);
        if (existing != null && !overwrite) {
            throw ApiException.conflict(Messages.RESOURCE_EXISTS);
        }
        QualifiedName trigger = reference(body, "trigger", namespace, existing);
        QualifiedName action = reference(body, "action", namespace, existing);
        if (trigger == null || action == null) {
            throw ApiException.badRequest("rule requires a valid trigger and a valid action");
        }
        if (entities.store().get(trigger).filter(e -> e.collection() == Collection.TRIGGERS).isEmpty()) {
            throw ApiException.badRequest("trigger " + trigger.fullyQualified() + " does not exist");
        }
        try {
            actions.resolve(who, action);
        } catch (ApiException e) {
            if (e.status() == 403) {
                throw e;
            }
            throw ApiException.badRequest("action " + action.fullyQualified() + " does not exist");
        }
        ObjectNode doc = entities.baseDoc(qn, body, existing);
        doc.remove("parameters");
        doc.put("status", existing == null ? ACTIVE : existing.doc().path("status").asText(ACTIVE));
        doc.set("trigger", link(trigger));
        doc.set("action", link(action));
        return withStatus(entities.save(Collection.RULES, qn, doc, existing));
    }

    private static QualifiedName reference(ObjectNode body, String field, String namespace, StoredEntity existing) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (existing == null) {
                return null;
            }
            JsonNode link = existing.doc().get(field);
            return linkTarget(link);
        }
        if (v.isObject() && v.path("path").isTextual() && v.path("name").isTextual()) {
            return QualifiedName.parseFullyQualified(v.get("path").asText() + "/" + v.get("name").asText(), namespace);
        }
        if (!v.isTextual()) {
            throw new MalformedEntityException("fully qualified entity name must be a string");
        }
        return QualifiedName.parseFullyQualified(v.asText(), namespace);
    }

    /** {@code {"path":"ns[/pkg]","name":"x"}}, as the platform shows a rule's trigger and action. */
    static ObjectNode link(QualifiedName n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("path", n.path());
        o.put("name", n.name());
        return o;
    }

    static QualifiedName linkTarget(JsonNode link) {
        String path = link.path("path").asText();
        int slash = path.indexOf('/');
        return slash < 0 ? new QualifiedName(path, null, link.path("name").asText())
                : new QualifiedName(path.substring(0, slash), path.substring(slash + 1), link.path("name").asText());
    }

    public ObjectNode get(Identity who, String ns, String name) {
        return withStatus(entities.require(Collection.RULES, entities.ownedName(who, ns, null, name)));
    }

    /** A rule's status is inactive once its trigger is gone, as the platform derives it from the trigger. */
    private ObjectNode withStatus(StoredEntity rule) {
        ObjectNode doc = rule.doc().deepCopy();
        QualifiedName trigger = linkTarget(doc.get("trigger"));
        boolean triggerExists = entities.store().get(trigger).filter(e -> e.collection() == Collection.TRIGGERS).isPresent();
        if (!triggerExists) {
            doc.put("status", INACTIVE);
        }
        return doc;
    }

    /** Sets the status from a body {@code {"status":"active"|"inactive"}}. */
    public void setStatus(Identity who, String ns, String name, JsonNode body) {
        QualifiedName qn = entities.ownedName(who, ns, null, name);
        String namespace = qn.namespace();
        JsonNode status = body == null ? null : body.get("status");
        if (status == null) {
            throw new MalformedEntityException("key not found: status");
        }
        if (!(ACTIVE.equals(status.asText()) || INACTIVE.equals(status.asText()))) {
            throw new MalformedEntityException("requirement failed: " + status.asText() + " is not a recognized rule state");
        }
        StoredEntity existing = entities.require(Collection.RULES, qn);
        QualifiedName trigger = linkTarget(existing.doc().get("trigger"));
        if (entities.store().get(trigger).filter(e -> e.collection() == Collection.TRIGGERS).isEmpty()) {
            throw new ApiException(404, "Only rules with existing triggers can be activated");
        }
        if (status.asText().equals(existing.doc().path("status").asText())) {
            return;
        }
        ObjectNode doc = existing.doc().deepCopy();
        doc.put("status", status.asText());
        entities.save(Collection.RULES, qn, doc, existing);
    }

    public ObjectNode delete(Identity who, String ns, String name) {
        StoredEntity existing = entities.require(Collection.RULES, entities.ownedName(who, ns, null, name));
        if (!entities.store().delete(List.of(existing))) {
            throw ApiException.conflict(Messages.CONFLICT);
        }
        ObjectNode doc = existing.doc().deepCopy();
        doc.put("status", INACTIVE);
        return doc;
    }

    /** A list entry: the whole rule but its status, which the platform's list does not show. */
    public static ObjectNode summary(ObjectNode doc) {
        ObjectNode s = doc.deepCopy();
        s.remove("status");
        return s;
    }

    public List<StoredEntity> list(Identity who, String ns) {
        String namespace = entities.ownedNamespace(who, ns);
        return entities.store().list(Collection.RULES, namespace, null, e -> true);
    }

    /** The rules whose trigger is this one. */
    static List<StoredEntity> rulesOf(EntityStore store, QualifiedName trigger) {
        List<StoredEntity> found = new ArrayList<>();
        for (StoredEntity r : store.all(Collection.RULES)) {
            if (linkTarget(r.doc().get("trigger")).docId().equals(trigger.docId())) {
                found.add(r);
            }
        }
        return found;
    }
}
