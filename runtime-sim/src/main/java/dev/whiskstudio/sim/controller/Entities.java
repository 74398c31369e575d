package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.config.SystemLimits;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.EntityName;
import dev.whiskstudio.sim.entity.KeyValues;
import dev.whiskstudio.sim.entity.MalformedEntityException;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.entity.RuntimeManifest;
import dev.whiskstudio.sim.entity.SemVer;
import dev.whiskstudio.sim.store.EntityStore;
import dev.whiskstudio.sim.store.StoredEntity;

import java.time.Clock;
import java.util.Optional;

/**
 * What every entity controller shares: the store, the limits, names checked the platform's way, entitlement,
 * and the fields every entity document has.
 */
public final class Entities {
    private final EntityStore store;
    private final SystemLimits limits;
    private final RuntimeManifest manifest;
    private final Clock clock;

    public Entities(EntityStore store, SystemLimits limits, RuntimeManifest manifest, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.manifest = manifest;
        this.clock = clock;
    }

    public EntityStore store() {
        return store;
    }

    public SystemLimits limits() {
        return limits;
    }

    public RuntimeManifest manifest() {
        return manifest;
    }

    public long now() {
        return clock.millis();
    }

    /** The namespace of a path segment for a collection-wide request, which the caller must own (403 otherwise). */
    public String ownedNamespace(Identity who, String ns) {
        String resolved = who.resolve(ns);
        checkNamespace(resolved);
        if (!who.owns(resolved)) {
            throw ApiException.forbiddenOn(resolved);
        }
        return resolved;
    }

    /** An entity's name, checked, in a namespace the caller must own (403 naming the entity otherwise). */
    public QualifiedName ownedName(Identity who, String ns, String pkg, String name) {
        QualifiedName qn = name(who.resolve(ns), pkg, name);
        if (!who.owns(qn.namespace())) {
            throw ApiException.forbiddenOn(qn.docId());
        }
        return qn;
    }

    /** A name checked by the platform's rule (400 otherwise). */
    public QualifiedName name(String ns, String pkg, String name) {
        checkNamespace(ns);
        if (pkg != null) {
            checkName(pkg);
        }
        checkName(name);
        return new QualifiedName(ns, pkg, name);
    }

    public static void checkNamespace(String ns) {
        if (ns.length() > EntityName.MAX_LENGTH) {
            throw ApiException.badRequest(Messages.namespaceTooLong(ns.length()));
        }
        if (!EntityName.isValid(ns)) {
            throw ApiException.badRequest(Messages.NAMESPACE_ILLEGAL);
        }
    }

    public static void checkName(String name) {
        if (name.length() > EntityName.MAX_LENGTH) {
            throw ApiException.badRequest(Messages.nameTooLong(name.length()));
        }
        if (!EntityName.isValid(name)) {
            throw ApiException.badRequest(Messages.ENTITY_NAME_ILLEGAL);
        }
    }

    /** The entity of this collection, if one is stored; 409 if the name holds an entity of another collection. */
    public Optional<StoredEntity> find(Collection collection, QualifiedName name) {
        Optional<StoredEntity> found = store.get(name);
        if (found.isPresent() && found.get().collection() != collection) {
            throw ApiException.conflict(Messages.CONFORMANCE);
        }
        return found;
    }

    public StoredEntity require(Collection collection, QualifiedName name) {
        return find(collection, name).orElseThrow(ApiException::notFound);
    }

    /** The body of a PUT as an object (a JSON array or scalar is malformed). */
    public static ObjectNode objectBody(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            throw new MalformedEntityException("Object expected");
        }
        return (ObjectNode) body;
    }

    /**
     * A new document with the fields every entity has: the given ones from the body, the rest from the entity it
     * replaces (version bumped) or the defaults of a new one. Given annotations replace the old ones (actions merge
     * them instead, see {@link ActionController}). Parameters and annotations are size-checked (413).
     */
    public ObjectNode baseDoc(QualifiedName name, ObjectNode body, StoredEntity existing) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("namespace", name.path());
        doc.put("name", name.name());
        doc.put("version", version(body, existing).toString());
        doc.put("publish", bool(body, "publish", existing == null ? false : existing.doc().path("publish").asBoolean()));
        ArrayNode parameters = KeyValues.parse(body.get("parameters"), "parameters");
        ArrayNode annotations = KeyValues.parse(body.get("annotations"), "annotations");
        checkSize("parameters", parameters);
        checkSize("annotations", annotations);
        doc.set("annotations", body.hasNonNull("annotations") || existing == null ? annotations
                : existing.doc().get("annotations"));
        doc.set("parameters", body.hasNonNull("parameters") || existing == null ? parameters
                : existing.doc().get("parameters"));
        return doc;
    }

    /** 413 when a list of parameters or annotations is over the parameter size limit. */
    public void checkSize(String field, JsonNode keyValues) {
        long size = KeyValues.size(keyValues);
        if (size > limits.parameterBytes()) {
            throw new ApiException(413, Messages.entityTooBig(field, size, limits.parameterBytes()));
        }
    }

    private static SemVer version(ObjectNode body, StoredEntity existing) {
        JsonNode v = body.get("version");
        if (v != null && !v.isNull()) {
            if (!v.isTextual()) {
                throw new MalformedEntityException("'version' must be a semantic version string");
            }
            try {
                return SemVer.parse(v.asText());
            } catch (IllegalArgumentException e) {
                throw new MalformedEntityException("semantic version malformed");
            }
        }
        return existing == null ? SemVer.INITIAL : SemVer.parse(existing.doc().path("version").asText()).upPatch();
    }

    private static boolean bool(ObjectNode body, String field, boolean fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new MalformedEntityException("Expected JsBoolean, but got " + v);
        }
        return v.asBoolean();
    }

    /** Stores the entity if nobody changed it since it was read; 409 otherwise. */
    public StoredEntity save(Collection collection, QualifiedName name, ObjectNode doc, StoredEntity expected) {
        doc.put("updated", now());
        StoredEntity entity = new StoredEntity(collection, name, doc);
        if (!store.put(entity, expected)) {
            throw ApiException.conflict(expected == null ? Messages.RESOURCE_EXISTS : Messages.CONFLICT);
        }
        return entity;
    }

    /** The common list view of an entity (the platform lists metadata, not code). */
    public static ObjectNode summary(ObjectNode doc) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        for (String f : new String[]{"namespace", "name", "version", "publish", "annotations", "updated"}) {
            s.set(f, doc.get(f));
        }
        return s;
    }
}
