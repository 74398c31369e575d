package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.entity.ActionLimits;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.Exec;
import dev.whiskstudio.sim.entity.KeyValues;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.store.StoredEntity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Create, read, update, delete and list actions, with the platform's checks and defaults. */
public final class ActionController {
    private final Entities entities;
    private final PackageResolver packages;

    public ActionController(Entities entities, PackageResolver packages) {
        this.entities = entities;
        this.packages = packages;
    }

    public ObjectNode put(Identity who, String ns, String pkg, String name, JsonNode rawBody, boolean overwrite) {
        QualifiedName qn = entities.ownedName(who, ns, pkg, name);
        String namespace = qn.namespace();
        ObjectNode body = Entities.objectBody(rawBody);
        Exec exec = body.hasNonNull("exec") ? Exec.parse(body.get("exec"), entities.manifest(), namespace) : null;
        if (exec != null && exec.size() > entities.limits().codeSizeBytes()) {
            throw new ApiException(413, Messages.entityTooBig("exec", exec.size(), entities.limits().codeSizeBytes()));
        }
        ActionLimits requestedLimits = ActionLimits.parse(body.get("limits"), ActionLimits.defaults(entities.limits()),
                entities.limits());
        if (pkg != null) {
            StoredEntity container = packages.require(namespace, pkg);
            if (PackageResolver.isBinding(container.doc())) {
                throw ApiException.badRequest(Messages.NOT_ALLOWED_ON_BINDING);
            }
        }
        StoredEntity existing = entities.find(Collection.ACTIONS, qn).orElse(null);
        if (existing != null && !overwrite) {
            throw ApiException.conflict(Messages.RESOURCE_EXISTS);
        }
        if (exec == null) {
            if (existing == null) {
                throw ApiException.badRequest("exec undefined");
            }
            exec = Exec.fromJson(existing.doc().get("exec"));
        }
        ActionLimits limits = existing == null ? requestedLimits
                : ActionLimits.parse(body.get("limits"), ActionLimits.fromJson(existing.doc().get("limits")), entities.limits());
        if (exec.isSequence()) {
            checkSequence(who, qn, exec.components());
        }

        ObjectNode doc = entities.baseDoc(qn, body, existing);
        boolean wasSequence = existing != null && Exec.fromJson(existing.doc().get("exec")).isSequence();
        if (exec.isSequence()) {
            // the platform keeps a sequence's components as its "_actions" parameter and drops any others
            ArrayNode comps = JsonNodeFactory.instance.arrayNode();
            exec.components().forEach(c -> comps.add(c.fullyQualified()));
            doc.set("parameters", KeyValues.with(KeyValues.empty(), "_actions", comps));
        } else if (wasSequence && !body.hasNonNull("parameters")) {
            doc.set("parameters", KeyValues.empty());
        }
        doc.set("annotations", annotations(body, existing, exec));
        doc.set("exec", exec.toJson());
        doc.set("limits", limits.toJson());
        return entities.save(Collection.ACTIONS, qn, doc, existing).doc();
    }

    /**
     * An action's annotations: on update the old ones less {@code delAnnotations}, then the new ones; on create
     * {@code provide-api-key: false} unless given; always {@code exec} set to the kind.
     */
    private ArrayNode annotations(ObjectNode body, StoredEntity existing, Exec exec) {
        ArrayNode given = KeyValues.parse(body.get("annotations"), "annotations");
        ArrayNode annotations;
        if (existing == null) {
            annotations = given;
            if (KeyValues.get(annotations, "provide-api-key") == null) {
                annotations = KeyValues.with(annotations, "provide-api-key", BooleanNode.FALSE);
            }
        } else {
            annotations = (ArrayNode) existing.doc().get("annotations");
            JsonNode deleted = body.get("delAnnotations");
            if (deleted != null && deleted.isArray()) {
                for (JsonNode key : deleted) {
                    annotations = KeyValues.without(annotations, key.asText());
                }
            }
            annotations = KeyValues.merge(annotations, given);
        }
        return KeyValues.with(annotations, "exec", TextNode.valueOf(exec.kind()));
    }

    /** The action with its package's (and binding's) parameters merged in, as the platform returns it. */
    public ObjectNode get(Identity who, String ns, String pkg, String name, boolean withCode) {
        String namespace = who.resolve(ns);
        QualifiedName qn = entities.name(namespace, pkg, name);
        ResolvedAction resolved = resolve(who, qn);
        ObjectNode doc = resolved.action().doc().deepCopy();
        doc.set("parameters", KeyValues.merge(resolved.inheritedParameters(), doc.get("parameters")));
        if (!withCode) {
            ((ObjectNode) doc.get("exec")).remove("code");
        }
        return doc;
    }

    /** The same name, checked by the platform's naming rule (400 otherwise). */
    public QualifiedName checkedName(QualifiedName qn) {
        return entities.name(qn.namespace(), qn.pkg(), qn.name());
    }

    /**
     * Finds an action the caller may read: its own, or one in a package published by another namespace, or one
     * reached through a binding (then the bound package's action, with the binding's parameters).
     */
    public ResolvedAction resolve(Identity who, QualifiedName qn) {
        if (qn.pkg() == null) {
            if (!who.owns(qn.namespace())) {
                throw ApiException.forbiddenOn(qn.docId());
            }
            return new ResolvedAction(entities.require(Collection.ACTIONS, qn), KeyValues.empty(), null);
        }
        PackageResolver.Resolved pkg = packages.resolveForRead(who, qn.namespace(), qn.pkg(), false);
        QualifiedName actual = new QualifiedName(pkg.pkg().name().namespace(), pkg.pkg().name().name(), qn.name());
        boolean throughBinding = !(pkg.pkg().name().namespace().equals(qn.namespace())
                && pkg.pkg().name().name().equals(qn.pkg()));
        return new ResolvedAction(entities.require(Collection.ACTIONS, actual), pkg.parameters(),
                throughBinding ? qn.namespace() + "/" + qn.pkg() : null);
    }

    public ObjectNode delete(Identity who, String ns, String pkg, String name) {
        QualifiedName qn = entities.ownedName(who, ns, pkg, name);
        String namespace = qn.namespace();
        StoredEntity existing = entities.require(Collection.ACTIONS, qn);
        if (!entities.store().delete(List.of(existing))) {
            throw ApiException.conflict(Messages.CONFLICT);
        }
        return existing.doc();
    }

    /**
     * Actions of a namespace (its packages' actions included, as the platform's view lists them), or of one
     * package (through a binding, the bound package's).
     */
    public List<StoredEntity> list(Identity who, String ns, String pkg) {
        if (pkg == null) {
            String namespace = entities.ownedNamespace(who, ns);
            return entities.store().listAll(Collection.ACTIONS, namespace);
        }
        QualifiedName pkgName = entities.name(who.resolve(ns), null, pkg);
        PackageResolver.Resolved resolved = packages.resolveForRead(who, pkgName.namespace(), pkg, false);
        QualifiedName p = resolved.pkg().name();
        return entities.store().list(Collection.ACTIONS, p.namespace(), p.name(), e -> true);
    }

    /** A list entry: metadata, limits and whether the code is binary, but not the code. */
    public static ObjectNode summary(ObjectNode doc) {
        ObjectNode s = Entities.summary(doc);
        s.set("limits", doc.get("limits"));
        ObjectNode exec = s.putObject("exec");
        exec.put("binary", doc.path("exec").path("binary").asBoolean());
        return s;
    }

    private void checkSequence(Identity who, QualifiedName self, List<QualifiedName> components) {
        for (QualifiedName c : components) {
            if (!who.owns(c.namespace())) {
                resolve(who, c);
            }
        }
        int max = entities.limits().sequenceMaxLength();
        if (components.isEmpty()) {
            throw ApiException.badRequest(Messages.SEQUENCE_NO_COMPONENT);
        }
        if (components.size() > max) {
            throw ApiException.badRequest(Messages.SEQUENCE_TOO_LONG);
        }
        int atomic = countAtomic(self, components, new HashSet<>(), 0);
        if (atomic > max) {
            throw ApiException.badRequest(Messages.SEQUENCE_TOO_LONG);
        }
    }

    /** Counts the atomic actions a sequence expands to, failing on a cycle back to {@code self} or a missing component. */
    private int countAtomic(QualifiedName self, List<QualifiedName> components, Set<String> seen, int depth) {
        int count = 0;
        for (QualifiedName c : components) {
            QualifiedName actual = packages.resolveComponent(c);
            if (actual == null) {
                throw ApiException.badRequest(Messages.SEQUENCE_COMPONENT_NOT_FOUND);
            }
            if (actual.docId().equals(self.docId())) {
                throw ApiException.badRequest(Messages.SEQUENCE_CYCLIC);
            }
            StoredEntity action = entities.store().get(actual)
                    .filter(e -> e.collection() == Collection.ACTIONS)
                    .orElseThrow(() -> ApiException.badRequest(Messages.SEQUENCE_COMPONENT_NOT_FOUND));
            Exec exec = Exec.fromJson(action.doc().get("exec"));
            if (exec.isSequence()) {
                if (!seen.add(actual.docId()) && depth > entities.limits().sequenceMaxLength()) {
                    throw ApiException.badRequest(Messages.SEQUENCE_TOO_LONG);
                }
                count += countAtomic(self, exec.components(), seen, depth + 1);
            } else {
                count++;
            }
            if (count > entities.limits().sequenceMaxLength()) {
                return count;
            }
        }
        return count;
    }

    /**
     * An action and the parameters it inherits from its package and the binding it was reached through.
     *
     * @param binding the binding's path ({@code ns/name}) when the action was reached through one, else null
     */
    public record ResolvedAction(StoredEntity action, JsonNode inheritedParameters, String binding) {

        /**
         * The action's revision, {@code version@updated}: warm containers and debug sessions are per revision, and
         * an update gives a new one.
         */
        public String revision() {
            return action.doc().path("version").asText() + "@" + action.updated();
        }
    }
}
