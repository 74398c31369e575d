package dev.whiskstudio.sim.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Activation records in SQLite, indexed by namespace and start (and by action path), so a page of the newest
 * records stays fast with millions stored.
 */
public final class ActivationStore {
    private final Database db;

    public ActivationStore(Database db) {
        this.db = db;
    }

    public void insert(ActivationRow row) {
        insertAll(List.of(row));
    }

    /** Stores rows in one transaction. */
    public void insertAll(List<ActivationRow> rows) {
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO activations"
                        + " (activation_id, namespace, path, start, summary, doc) VALUES (?,?,?,?,?,?)")) {
                    for (ActivationRow r : rows) {
                        ps.setString(1, r.activationId());
                        ps.setString(2, r.namespace());
                        ps.setString(3, r.path());
                        ps.setLong(4, r.start());
                        ps.setString(5, r.summaryJson());
                        ps.setString(6, r.docJson());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("could not store activations: " + e.getMessage(), e);
        }
    }

    /** The whole record of an activation of the namespace. */
    public Optional<String> get(String namespace, String activationId) {
        try {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT doc FROM activations WHERE activation_id = ? AND namespace = ?")) {
                    ps.setString(1, activationId);
                    ps.setString(2, namespace);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("could not read activation: " + e.getMessage(), e);
        }
    }

    /** JSON texts (summaries or whole records) of a page of activations, newest first. */
    public List<String> list(ActivationQuery q) {
        String sql = "SELECT " + (q.docs() ? "doc" : "summary") + " FROM activations" + where(q)
                + " ORDER BY start DESC LIMIT ? OFFSET ?";
        try {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int next = bind(ps, q);
                    ps.setInt(next, q.limit());
                    ps.setInt(next + 1, q.skip());
                    List<String> out = new ArrayList<>(q.limit());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new StoreException("could not list activations: " + e.getMessage(), e);
        }
    }

    /** How many activations match (skip, limit and docs are ignored). */
    public long count(ActivationQuery q) {
        String sql = "SELECT count(*) FROM activations" + where(q);
        try {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, q);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("could not count activations: " + e.getMessage(), e);
        }
    }

    private static String where(ActivationQuery q) {
        return " WHERE namespace = ?"
                + (q.path() != null ? " AND path = ?" : "")
                + (q.since() > 0 ? " AND start >= ?" : "")
                + (q.upto() > 0 ? " AND start <= ?" : "");
    }

    /** Binds the values of {@link #where}; returns the next parameter index. */
    private static int bind(PreparedStatement ps, ActivationQuery q) throws SQLException {
        int i = 1;
        ps.setString(i++, q.namespace());
        if (q.path() != null) {
            ps.setString(i++, q.path());
        }
        if (q.since() > 0) {
            ps.setLong(i++, q.since());
        }
        if (q.upto() > 0) {
            ps.setLong(i++, q.upto());
        }
        return i;
    }

    /** Removes activations that started before the cutoff; returns how many. */
    public int deleteStartedBefore(long cutoffEpochMs) {
        try {
            return db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM activations WHERE start < ?")) {
                    ps.setLong(1, cutoffEpochMs);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StoreException("could not remove old activations: " + e.getMessage(), e);
        }
    }
}
