package dev.whiskstudio.sim.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Activation records in SQLite, indexed by namespace and start (and by action path), so a page of the newest
 * records stays fast with millions stored. Beside each record, when there is one, the simulator's insight into it
 * ({@code activation_insights}): written in the same transaction, removed with it.
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
                insertInsights(c, rows);
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("could not store activations: " + e.getMessage(), e);
        }
    }

    private static void insertInsights(Connection c, List<ActivationRow> rows) throws SQLException {
        if (rows.stream().allMatch(r -> r.insightJson() == null)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO activation_insights"
                + " (activation_id, namespace, start, insight, params) VALUES (?,?,?,?,?)")) {
            for (ActivationRow r : rows) {
                if (r.insightJson() == null) {
                    continue;
                }
                ps.setString(1, r.activationId());
                ps.setString(2, r.namespace());
                ps.setLong(3, r.start());
                ps.setString(4, r.insightJson());
                ps.setString(5, r.paramsJson() == null ? "{}" : r.paramsJson());
                ps.addBatch();
            }
            ps.executeBatch();
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

    /**
     * The simulator's insight into an activation of the namespace: the stored insight object and the params' JSON.
     */
    public Optional<StoredInsight> getInsight(String namespace, String activationId) {
        try {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT insight, params FROM activation_insights WHERE activation_id = ? AND namespace = ?")) {
                    ps.setString(1, activationId);
                    ps.setString(2, namespace);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new StoredInsight(rs.getString(1), rs.getString(2)))
                                : Optional.<StoredInsight>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("could not read activation insight: " + e.getMessage(), e);
        }
    }

    /**
     * Insights into a namespace's activations, newest first.
     *
     * @param since only activations that started at or after this epoch ms (0: no bound)
     * @param upto  only activations that started at or before this epoch ms (0: no bound)
     */
    public List<StoredInsight> listInsights(String namespace, long since, long upto, int limit) {
        String sql = "SELECT insight, params FROM activation_insights WHERE namespace = ?"
                + (since > 0 ? " AND start >= ?" : "") + (upto > 0 ? " AND start <= ?" : "")
                + " ORDER BY start DESC LIMIT ?";
        try {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    ps.setString(i++, namespace);
                    if (since > 0) {
                        ps.setLong(i++, since);
                    }
                    if (upto > 0) {
                        ps.setLong(i++, upto);
                    }
                    ps.setInt(i, limit);
                    List<StoredInsight> out = new ArrayList<>(Math.min(limit, 1024));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new StoredInsight(rs.getString(1), rs.getString(2)));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new StoreException("could not list activation insights: " + e.getMessage(), e);
        }
    }

    /** Removes activations (and their insights) that started before the cutoff; returns how many records. */
    public int deleteStartedBefore(long cutoffEpochMs) {
        try {
            return db.write(c -> {
                try (PreparedStatement insights = c.prepareStatement("DELETE FROM activation_insights WHERE start < ?")) {
                    insights.setLong(1, cutoffEpochMs);
                    insights.executeUpdate();
                }
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
