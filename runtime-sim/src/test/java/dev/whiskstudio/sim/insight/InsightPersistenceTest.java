package dev.whiskstudio.sim.insight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Insights live in the data directory with their records: across restarts, through retention, from an older schema. */
class InsightPersistenceTest {
    private static final String ECHO = "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p) { return p; }\"}}";
    @TempDir
    Path dataDir;

    private SimConfig config() {
        return SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0);
    }

    private static String invokeEcho(SimHarness.Client guest, String payload) {
        assertEquals(200, guest.put("/api/v1/namespaces/_/actions/echo?overwrite=true", ECHO).status());
        Reply r = guest.post("/api/v1/namespaces/_/actions/echo?blocking=true", payload);
        assertEquals(200, r.status(), r.text());
        return r.json().get("activationId").asText();
    }

    @Test
    void anInsightSurvivesARestartOnTheSameDataDirectory() {
        String id;
        JsonNode before;
        try (SimHarness first = new SimHarness(config())) {
            id = invokeEcho(first.guest(), "{\"kept\":[1,2,3]}");
            before = first.guest().get("/sim/v1/namespaces/_/activations/" + id + "/insight").json();
            assertEquals("{\"kept\":[1,2,3]}", before.get("params").toString());
        }
        try (SimHarness second = new SimHarness(config())) {
            Reply after = second.guest().get("/sim/v1/namespaces/_/activations/" + id + "/insight");
            assertEquals(200, after.status(), after.text());
            assertEquals(before, after.json());
            assertEquals(1, second.guest().get("/sim/v1/namespaces/_/insight").json().size());
        }
    }

    @Test
    void retentionRemovesTheInsightWithItsRecord() throws Exception {
        String id;
        try (SimHarness first = new SimHarness(config())) {
            id = invokeEcho(first.guest(), "{}");
        }
        // a month and a day later, by the clock the simulator is given: it removes expired records as it starts
        Clock later = Clock.offset(Clock.systemUTC(), Profile.OPENWHISK.limits().activationRetention().plus(Duration.ofDays(1)));
        try (Simulator sim = Simulator.start(config(), later)) {
            SimHarness.Client guest = new SimHarness.Client(sim.apiHost(), Credential.GUEST.auth());
            assertEquals(404, guest.get("/api/v1/namespaces/_/activations/" + id).status());
            assertEquals(404, guest.get("/sim/v1/namespaces/_/activations/" + id + "/insight").status());
        }
        assertEquals(0, count("SELECT count(*) FROM activation_insights"));
    }

    @Test
    void aDataDirectoryOfTheFirstSchemaKeepsItsRecordsAndGainsInsights() throws Exception {
        Files.createDirectories(dataDir);
        String oldId = "0123456789abcdef0123456789abcdef";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
             Statement st = c.createStatement()) {
            // schema 1, as the first simulator wrote it
            st.execute("CREATE TABLE entities (doc_id TEXT PRIMARY KEY, collection TEXT NOT NULL, namespace TEXT NOT NULL,"
                    + " package TEXT, name TEXT NOT NULL, updated INTEGER NOT NULL, doc TEXT NOT NULL)");
            st.execute("CREATE TABLE activations (activation_id TEXT PRIMARY KEY, namespace TEXT NOT NULL,"
                    + " path TEXT NOT NULL, start INTEGER NOT NULL, summary TEXT NOT NULL, doc TEXT NOT NULL)");
            long start = System.currentTimeMillis() - 1000;
            String summary = "{\"namespace\":\"guest\",\"name\":\"old\",\"version\":\"0.0.1\",\"publish\":false,"
                    + "\"annotations\":[],\"activationId\":\"" + oldId + "\",\"start\":" + start + ",\"end\":" + (start + 5)
                    + ",\"duration\":5,\"statusCode\":0}";
            st.execute("INSERT INTO activations VALUES ('" + oldId + "','guest','old'," + start + ",'" + summary + "','"
                    + summary + "')");
            st.execute("PRAGMA user_version=1");
        }
        try (SimHarness sim = new SimHarness(config())) {
            SimHarness.Client guest = sim.guest();
            assertEquals(oldId, guest.get("/api/v1/namespaces/_/activations").json().get(0).get("activationId").asText());
            assertEquals(404, guest.get("/sim/v1/namespaces/_/activations/" + oldId + "/insight").status(),
                    "a record from before insights has none");
            String id = invokeEcho(guest, "{\"new\":true}");
            assertEquals("{\"new\":true}", guest.get("/sim/v1/namespaces/_/activations/" + id + "/insight").json()
                    .get("params").toString());
        }
        assertEquals(2, count("PRAGMA user_version"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
