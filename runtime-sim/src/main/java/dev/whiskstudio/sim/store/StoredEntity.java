package dev.whiskstudio.sim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.QualifiedName;

/** One entity document as stored: its collection, its place, and the JSON the API shows. Never mutated. */
public record StoredEntity(Collection collection, QualifiedName name, ObjectNode doc) {

    public long updated() {
        return doc.path("updated").asLong();
    }
}
