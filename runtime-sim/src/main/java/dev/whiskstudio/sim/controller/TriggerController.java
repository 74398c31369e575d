package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.store.StoredEntity;

import java.util.List;

/** Triggers: create, read (with the rules that hang on them), update, delete, list. */
public final class TriggerController {
    private final Entities entities;

    public TriggerController(Entities entities) {
        this.entities = entities;
    }

    public ObjectNode put(Identity who, String ns, String name, JsonNode rawBody, boolean overwrite) {
        QualifiedName qn = entities.ownedName(who, ns, null, name);
        String namespace = qn.namespace();
        ObjectNode body = Entities.objectBody(rawBody);
        StoredEntity existing = entities.find(Collection.TRIGGERS, qn).orElse(null);
        if (existing != null && !overwrite) {
            throw ApiException.conflict(Messages.RESOURCE_EXISTS);
        }
        ObjectNode doc = entities.baseDoc(qn, body, existing);
        doc.putObject("limits");
        return withRules(entities.save(Collection.TRIGGERS, qn, doc, existing).doc().deepCopy(), qn);
    }

    public ObjectNode get(Identity who, String ns, String name) {
        QualifiedName qn = entities.ownedName(who, ns, null, name);
        String namespace = qn.namespace();
        return withRules(entities.require(Collection.TRIGGERS, qn).doc().deepCopy(), qn);
    }

    /** Adds {@code rules}: each rule on this trigger, by {@code ns/name}, with its action and status. */
    private ObjectNode withRules(ObjectNode doc, QualifiedName trigger) {
        List<StoredEntity> rules = RuleController.rulesOf(entities.store(), trigger);
        if (!rules.isEmpty()) {
            ObjectNode map = doc.putObject("rules");
            for (StoredEntity r : rules) {
                ObjectNode entry = map.putObject(r.name().docId());
                entry.set("action", r.doc().get("action"));
                entry.set("status", r.doc().get("status"));
            }
        }
        return doc;
    }

    public ObjectNode delete(Identity who, String ns, String name) {
        QualifiedName qn = entities.ownedName(who, ns, null, name);
        String namespace = qn.namespace();
        StoredEntity existing = entities.require(Collection.TRIGGERS, qn);
        if (!entities.store().delete(List.of(existing))) {
            throw ApiException.conflict(Messages.CONFLICT);
        }
        return existing.doc();
    }

    public List<StoredEntity> list(Identity who, String ns) {
        String namespace = entities.ownedNamespace(who, ns);
        return entities.store().list(Collection.TRIGGERS, namespace, null, e -> true);
    }
}
