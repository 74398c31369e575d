package dev.whiskstudio.sim.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The simulator's SQLite file ({@code sim.db} in the data directory) in WAL mode: one writer connection guarded
 * by a lock, and a few reader connections that WAL lets run beside the writer.
 * <p>
 * {@code synchronous=NORMAL} in WAL mode keeps every committed transaction across a crash of the process
 * ({@code kill -9}); only a power loss could roll back the last ones, which a local simulator accepts.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "sim.db";
    /** 1: entities and activations; 2: activation_insights beside the activations. */
    private static final int SCHEMA_VERSION = 2;
    private static final int READERS = 4;

    private final Path file;
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    public Database(Path dataDir) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        this.file = dataDir.resolve(FILE_NAME);
        this.writer = open();
        try (Statement st = writer.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
        }
        migrate();
        for (int i = 0; i < READERS; i++) {
            Connection reader = open();
            try (Statement st = reader.createStatement()) {
                st.execute("PRAGMA query_only=1");
            }
            readers.add(reader);
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout=10000");
            st.execute("PRAGMA cache_size=-16000");
            st.execute("PRAGMA temp_store=MEMORY");
        }
        return c;
    }

    private void migrate() throws SQLException {
        try (Statement st = writer.createStatement()) {
            int version;
            try (var rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException(file + " was written by a newer simulator (schema " + version + ")");
            }
            if (version < 1) {
                writer.setAutoCommit(false);
                st.execute("CREATE TABLE IF NOT EXISTS entities ("
                        + " doc_id TEXT PRIMARY KEY,"
                        + " collection TEXT NOT NULL,"
                        + " namespace TEXT NOT NULL,"
                        + " package TEXT,"
                        + " name TEXT NOT NULL,"
                        + " updated INTEGER NOT NULL,"
                        + " doc TEXT NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS activations ("
                        + " activation_id TEXT PRIMARY KEY,"
                        + " namespace TEXT NOT NULL,"
                        + " path TEXT NOT NULL,"
                        + " start INTEGER NOT NULL,"
                        + " summary TEXT NOT NULL,"
                        + " doc TEXT NOT NULL)");
                st.execute("CREATE INDEX IF NOT EXISTS activations_by_start ON activations(namespace, start DESC)");
                st.execute("CREATE INDEX IF NOT EXISTS activations_by_path ON activations(namespace, path, start DESC)");
                st.execute("CREATE INDEX IF NOT EXISTS activations_by_age ON activations(start)");
                st.execute("PRAGMA user_version=1");
                writer.commit();
                writer.setAutoCommit(true);
            }
            if (version < 2) {
                // a data directory of an earlier simulator keeps its records; they simply have no insight
                writer.setAutoCommit(false);
                st.execute("CREATE TABLE IF NOT EXISTS activation_insights ("
                        + " activation_id TEXT PRIMARY KEY,"
                        + " namespace TEXT NOT NULL,"
                        + " start INTEGER NOT NULL,"
                        + " insight TEXT NOT NULL,"
                        + " params TEXT NOT NULL)");
                st.execute("CREATE INDEX IF NOT EXISTS insights_by_start ON activation_insights(namespace, start DESC)");
                st.execute("CREATE INDEX IF NOT EXISTS insights_by_age ON activation_insights(start)");
                st.execute("PRAGMA user_version=2");
                writer.commit();
                writer.setAutoCommit(true);
            }
        }
    }

    /** Runs work on the single writer connection in one transaction. */
    public synchronized <T> T write(SqlWork<T> work) throws SQLException {
        writer.setAutoCommit(false);
        try {
            T result = work.run(writer);
            writer.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    /** Runs read-only work on one of the reader connections. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a reader", e);
        }
        try {
            return work.run(c);
        } finally {
            readers.add(c);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        for (Connection c : readers) {
            closeQuietly(c);
        }
        readers.clear();
        closeQuietly(writer);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing at shutdown; nothing left to save
        }
    }
}
