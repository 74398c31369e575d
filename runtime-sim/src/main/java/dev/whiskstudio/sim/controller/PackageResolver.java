package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.KeyValues;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.store.StoredEntity;

/**
 * Finds packages and follows bindings, applying the platform's sharing rule: a caller reads its own packages and
 * the packages other namespaces publish.
 */
public final class PackageResolver {
    private final Entities entities;

    public PackageResolver(Entities entities) {
        this.entities = entities;
    }

    /** A package as stored (binding or not); 404 if there is none. */
    public StoredEntity require(String namespace, String pkg) {
        return entities.require(Collection.PACKAGES, new QualifiedName(namespace, null, pkg));
    }

    public static boolean isBinding(JsonNode packageDoc) {
        JsonNode b = packageDoc.get("binding");
        return b != null && b.isObject() && b.has("name");
    }

    public static QualifiedName bindingTarget(JsonNode packageDoc) {
        JsonNode b = packageDoc.get("binding");
        return new QualifiedName(b.get("namespace").asText(), null, b.get("name").asText());
    }

    /** Whether a caller may read a package: its own, or a published one. */
    public static boolean readable(Identity who, StoredEntity pkg) {
        return who.owns(pkg.name().namespace()) || pkg.doc().path("publish").asBoolean();
    }

    /**
     * The package a name means for reading (through a binding, the bound package) and the parameters its
     * actions inherit: the package's, overridden by the binding's.
     */
    public Resolved resolveForRead(Identity who, String namespace, String pkg) {
        return resolveForRead(who, namespace, pkg, true);
    }

    /**
     * As {@link #resolveForRead(Identity, String, String)}; {@code nameMissing} says whether a missing package is
     * reported by name (a package request) or with the plain 404 (a request for an action in it), as the platform does.
     */
    public Resolved resolveForRead(Identity who, String namespace, String pkg, boolean nameMissing) {
        QualifiedName name = new QualifiedName(namespace, null, pkg);
        StoredEntity named = entities.store().get(name).orElse(null);
        if (named == null || named.collection() != Collection.PACKAGES || !readable(who, named)) {
            if (!who.owns(namespace)) {
                // another namespace's private or missing package: the platform does not tell which
                throw ApiException.forbiddenOn(name.docId());
            }
            if (named == null) {
                throw nameMissing ? new ApiException(404, dev.whiskstudio.sim.api.Messages.resourceDoesntExist(name.docId()))
                        : ApiException.notFound();
            }
            throw ApiException.conflict(dev.whiskstudio.sim.api.Messages.CONFORMANCE);
        }
        if (!isBinding(named.doc())) {
            return new Resolved(named, named.doc().get("parameters"));
        }
        QualifiedName target = bindingTarget(named.doc());
        StoredEntity bound = entities.store().get(target)
                .filter(e -> e.collection() == Collection.PACKAGES)
                .orElseThrow(ApiException::notFound);
        if (!readable(who, bound) && !named.name().namespace().equals(bound.name().namespace())) {
            throw ApiException.forbiddenOn(bound.name().docId());
        }
        return new Resolved(bound, KeyValues.merge(bound.doc().get("parameters"), named.doc().get("parameters")));
    }

    /** Where a sequence component really lives (through a binding), or null if its package is missing. */
    public QualifiedName resolveComponent(QualifiedName component) {
        if (component.pkg() == null) {
            return component;
        }
        StoredEntity pkg = entities.store().get(new QualifiedName(component.namespace(), null, component.pkg()))
                .filter(e -> e.collection() == Collection.PACKAGES).orElse(null);
        if (pkg == null) {
            return null;
        }
        if (isBinding(pkg.doc())) {
            QualifiedName target = bindingTarget(pkg.doc());
            return new QualifiedName(target.namespace(), target.name(), component.name());
        }
        return component;
    }

    /** A package reached by name, and the parameters its actions inherit. */
    public record Resolved(StoredEntity pkg, JsonNode parameters) {
    }
}
