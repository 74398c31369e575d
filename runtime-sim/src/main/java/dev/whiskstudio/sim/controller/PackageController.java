package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.KeyValues;
import dev.whiskstudio.sim.entity.MalformedEntityException;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.store.StoredEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Packages and bindings: create, read (with their actions), update, delete, list, publish. */
public final class PackageController {
    private static final Set<String> RESERVED_NAMES = Set.of("default");
    private final Entities entities;
    private final PackageResolver resolver;

    public PackageController(Entities entities, PackageResolver resolver) {
        this.entities = entities;
        this.resolver = resolver;
    }

    public ObjectNode put(Identity who, String ns, String name, JsonNode rawBody, boolean overwrite) {
        QualifiedName qn = entities.ownedName(who, ns, null, name);
        String namespace = qn.namespace();
        if (RESERVED_NAMES.contains(name)) {
            throw ApiException.badRequest(Messages.packageNameReserved(name));
        }
        ObjectNode body = Entities.objectBody(rawBody);
        StoredEntity existing = entities.find(Collection.PACKAGES, qn).orElse(null);
        if (existing != null && !overwrite) {
            throw ApiException.conflict(Messages.RESOURCE_EXISTS);
        }
        QualifiedName binding = parseBinding(body.get("binding"), namespace);
        if (binding != null) {
            if (existing != null && !PackageResolver.isBinding(existing.doc())) {
                throw ApiException.conflict(Messages.PACKAGE_CANNOT_BECOME_BINDING);
            }
            checkBindingTarget(who, binding);
        }
        ObjectNode doc = entities.baseDoc(qn, body, existing);
        if (binding == null && existing != null && PackageResolver.isBinding(existing.doc())) {
            binding = PackageResolver.bindingTarget(existing.doc());
        }
        ObjectNode bindingJson = JsonNodeFactory.instance.objectNode();
        ArrayNode annotations = KeyValues.without(doc.get("annotations"), "binding");
        if (binding != null) {
            bindingJson.put("namespace", binding.namespace());
            bindingJson.put("name", binding.name());
            annotations = KeyValues.with(annotations, "binding", bindingJson.deepCopy());
        }
        doc.set("annotations", annotations);
        doc.set("binding", bindingJson);
        return entities.save(Collection.PACKAGES, qn, doc, existing).doc();
    }

    private static QualifiedName parseBinding(JsonNode node, String namespace) {
        if (node == null || node.isNull() || (node.isObject() && node.isEmpty())) {
            return null;
        }
        if (!node.isObject() || !node.path("name").isTextual()
                || (node.has("namespace") && !node.get("namespace").isTextual())) {
            throw new MalformedEntityException("'binding' must be an object with a namespace and a name");
        }
        String ns = node.has("namespace") ? node.get("namespace").asText() : "_";
        String resolvedNs = "_".equals(ns) ? namespace : ns;
        Entities.checkNamespace(resolvedNs);
        Entities.checkName(node.get("name").asText());
        return new QualifiedName(resolvedNs, null, node.get("name").asText());
    }

    private void checkBindingTarget(Identity who, QualifiedName target) {
        StoredEntity found = entities.store().get(target).orElse(null);
        if (!who.owns(target.namespace()) && (found == null || !PackageResolver.readable(who, found))) {
            // the platform does not reveal whether another namespace's private package exists
            throw ApiException.forbiddenOn(target.docId());
        }
        if (found == null) {
            throw ApiException.badRequest(Messages.BINDING_DOES_NOT_EXIST);
        }
        if (found.collection() != Collection.PACKAGES) {
            throw ApiException.conflict(Messages.BINDING_NOT_A_PACKAGE);
        }
        if (PackageResolver.isBinding(found.doc())) {
            throw ApiException.badRequest(Messages.BINDING_CANNOT_REFERENCE_BINDING);
        }
    }

    /**
     * A package with its actions and feeds; a binding shows the bound package's contents and its parameters merged
     * under the binding's own.
     */
    public ObjectNode get(Identity who, String ns, String name) {
        String namespace = who.resolve(ns);
        entities.name(namespace, null, name);
        PackageResolver.Resolved resolved = resolver.resolveForRead(who, namespace, name);
        StoredEntity named = entities.require(Collection.PACKAGES, new QualifiedName(namespace, null, name));
        ObjectNode doc = named.doc().deepCopy();
        StoredEntity contents = resolved.pkg();
        doc.set("parameters", resolved.parameters());
        ArrayNode actions = doc.putArray("actions");
        ArrayNode feeds = doc.putArray("feeds");
        for (StoredEntity a : entities.store().list(Collection.ACTIONS, contents.name().namespace(),
                contents.name().name(), e -> true)) {
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.set("name", a.doc().get("name"));
            entry.set("version", a.doc().get("version"));
            entry.set("annotations", a.doc().get("annotations"));
            (KeyValues.get(a.doc().get("annotations"), "feed") != null ? feeds : actions).add(entry);
        }
        return doc;
    }

    /** Deletes a package; with actions in it only when {@code force} (they go with it), 409 otherwise. */
    public ObjectNode delete(Identity who, String ns, String name, boolean force) {
        QualifiedName qn = entities.ownedName(who, ns, null, name);
        String namespace = qn.namespace();
        StoredEntity existing = entities.require(Collection.PACKAGES, qn);
        List<StoredEntity> doomed = new ArrayList<>();
        if (!PackageResolver.isBinding(existing.doc())) {
            List<StoredEntity> contents = entities.store().list(Collection.ACTIONS, namespace, name, e -> true);
            if (!contents.isEmpty() && !force) {
                throw ApiException.conflict("Package not empty (contains " + contents.size() + " "
                        + (contents.size() == 1 ? "entity" : "entities")
                        + "). Set force param or delete package contents.");
            }
            doomed.addAll(contents);
        }
        doomed.add(existing);
        if (!entities.store().delete(doomed)) {
            throw ApiException.conflict(Messages.CONFLICT);
        }
        return existing.doc();
    }

    /** The caller's packages and bindings, or another namespace's published packages (not its bindings). */
    public List<StoredEntity> list(Identity who, String ns) {
        String namespace = who.resolve(ns);
        Entities.checkNamespace(namespace);
        boolean own = who.owns(namespace);
        return entities.store().list(Collection.PACKAGES, namespace, null,
                e -> own || (e.doc().path("publish").asBoolean() && !PackageResolver.isBinding(e.doc())));
    }

    /** A list entry: {@code binding} is the bound package, or false for a plain package, as the platform's view has it. */
    public static ObjectNode summary(ObjectNode doc) {
        ObjectNode s = Entities.summary(doc);
        if (PackageResolver.isBinding(doc)) {
            s.set("binding", doc.get("binding"));
        } else {
            s.put("binding", false);
        }
        return s;
    }
}
