package dev.whiskstudio.sim.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.QualifiedName;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Entities (actions, packages, triggers, rules) keyed by document id, as the platform's entity database keys them:
 * one id space per namespace and package, shared by all collections.
 * <p>
 * Every write goes to SQLite before it returns, so an acknowledged write survives a crash; reads are served from
 * memory, where all entities are kept (a developer's namespaces are small, and invocation looks actions up on its
 * hot path).
 */
public final class EntityStore {
    private static final Comparator<StoredEntity> NEWEST_FIRST =
            Comparator.comparingLong(StoredEntity::updated).reversed().thenComparing(e -> e.name().docId());
    private final Database db;
    private final ObjectMapper json;
    private final ConcurrentHashMap<String, StoredEntity> byDocId = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    public EntityStore(Database db, ObjectMapper json) throws SQLException {
        this.db = db;
        this.json = json;
        load();
    }

    private void load() throws SQLException {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT collection, namespace, package, name, doc FROM entities");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Collection collection = Collection.fromPath(rs.getString(1));
                    QualifiedName name = new QualifiedName(rs.getString(2), rs.getString(3), rs.getString(4));
                    ObjectNode doc = (ObjectNode) json.readTree(rs.getString(5));
                    byDocId.put(name.docId(), new StoredEntity(collection, name, doc));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("corrupt entity document", e);
            }
            return null;
        });
    }

    public Optional<StoredEntity> get(QualifiedName name) {
        return Optional.ofNullable(byDocId.get(name.docId()));
    }

    /**
     * Writes an entity. The check-then-write runs under one lock, so a caller that read {@code expected} can be
     * sure nobody changed the entity in between ({@code expected == null}: it must not exist yet).
     *
     * @return false when the entity is not what the caller expected (someone else created or changed it)
     */
    public boolean put(StoredEntity entity, StoredEntity expected) {
        String docId = entity.name().docId();
        synchronized (writeLock) {
            if (byDocId.get(docId) != expected) {
                return false;
            }
            String text = entity.doc().toString();
            write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO entities"
                        + " (doc_id, collection, namespace, package, name, updated, doc) VALUES (?,?,?,?,?,?,?)")) {
                    ps.setString(1, docId);
                    ps.setString(2, entity.collection().path());
                    ps.setString(3, entity.name().namespace());
                    ps.setString(4, entity.name().pkg());
                    ps.setString(5, entity.name().name());
                    ps.setLong(6, entity.updated());
                    ps.setString(7, text);
                    ps.executeUpdate();
                }
                return null;
            });
            byDocId.put(docId, entity);
            return true;
        }
    }

    /** Deletes the entities given, all or none, if each is still the one the caller read. */
    public boolean delete(List<StoredEntity> expected) {
        synchronized (writeLock) {
            for (StoredEntity e : expected) {
                if (byDocId.get(e.name().docId()) != e) {
                    return false;
                }
            }
            write(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM entities WHERE doc_id = ?")) {
                    for (StoredEntity e : expected) {
                        ps.setString(1, e.name().docId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            for (StoredEntity e : expected) {
                byDocId.remove(e.name().docId());
            }
            return true;
        }
    }

    /**
     * Entities of a collection in a namespace and package ({@code pkg == null}: the default package), newest
     * update first, as the platform lists them.
     */
    public List<StoredEntity> list(Collection collection, String namespace, String pkg, Predicate<StoredEntity> filter) {
        List<StoredEntity> found = new ArrayList<>();
        for (StoredEntity e : byDocId.values()) {
            QualifiedName n = e.name();
            if (e.collection() == collection && n.namespace().equals(namespace)
                    && (pkg == null ? n.pkg() == null : pkg.equals(n.pkg())) && filter.test(e)) {
                found.add(e);
            }
        }
        found.sort(NEWEST_FIRST);
        return found;
    }

    /** Entities of a collection in a namespace, in any of its packages too, newest update first. */
    public List<StoredEntity> listAll(Collection collection, String namespace) {
        List<StoredEntity> found = new ArrayList<>();
        for (StoredEntity e : byDocId.values()) {
            if (e.collection() == collection && e.name().namespace().equals(namespace)) {
                found.add(e);
            }
        }
        found.sort(NEWEST_FIRST);
        return found;
    }

    /** Every entity of a collection, in any namespace (for sequence and rule checks). */
    public List<StoredEntity> all(Collection collection) {
        List<StoredEntity> found = new ArrayList<>();
        for (StoredEntity e : byDocId.values()) {
            if (e.collection() == collection) {
                found.add(e);
            }
        }
        return found;
    }

    private void write(Database.SqlWork<Void> work) {
        try {
            db.write(work);
        } catch (SQLException e) {
            throw new StoreException("could not write " + db.file() + ": " + e.getMessage(), e);
        }
    }
}
