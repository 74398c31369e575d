package dev.whiskstudio.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw listing entries, trigger fire and activation logs, against a real simulator. */
class OpenWhiskClientTriggersAndLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUEST = Credential.GUEST.namespace();
    @TempDir
    Path dataDir;
    private Simulator sim;
    private OpenWhiskClient client;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        client = new OpenWhiskClient(sim.apiHost(), Credential.GUEST.auth());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private void action(String name, String code) throws Exception {
        ObjectNode a = JSON.createObjectNode();
        a.putObject("exec").put("kind", "nodejs:20").put("code", code);
        client.put(GUEST, EntityCollection.ACTIONS, name, a, false);
    }

    @Test
    void listingEntriesKeepThePlatformsFieldsSuchAsABinding() throws Exception {
        client.putPackage(GUEST, "tools", JSON.createObjectNode(), false);
        ObjectNode binding = JSON.createObjectNode();
        binding.putObject("binding").put("namespace", GUEST).put("name", "tools");
        client.putPackage(GUEST, "bound", binding, false);

        List<JsonNode> packages = client.listEntries(GUEST, EntityCollection.PACKAGES);
        JsonNode bound = packages.stream().filter(p -> p.get("name").asText().equals("bound")).findFirst().orElseThrow();
        assertEquals("tools", bound.at("/binding/name").asText());
        assertEquals(2, client.list(GUEST, EntityCollection.PACKAGES).size());
    }

    @Test
    void firingATriggerAnswersItsActivationOrNothing() throws Exception {
        action("hello", "function main() { return {}; }");
        client.put(GUEST, EntityCollection.TRIGGERS, "tick", JSON.createObjectNode(), false);
        assertEquals(Optional.empty(), client.fireTrigger(GUEST, "tick", null));

        client.put(GUEST, EntityCollection.RULES, "on-tick",
                JSON.createObjectNode().put("trigger", "/guest/tick").put("action", "/guest/hello"), false);
        String id = client.fireTrigger(GUEST, "tick", JSON.createObjectNode().put("n", 1)).orElseThrow();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals(404, assertThrows(OpenWhiskException.class,
                () -> client.fireTrigger(GUEST, "nope", null)).status());
    }

    @Test
    void readsAnActivationsLogs() throws Exception {
        action("talks", "function main() { console.log('one'); console.error('two'); return {}; }");
        Invocation done = client.invoke(GUEST, "talks", null, true, Duration.ofSeconds(30));
        List<String> logs = client.activationLogs(GUEST, done.activationId());
        assertEquals(2, logs.size(), logs.toString());
        // the two streams are read apart, so within a millisecond either may come first
        assertTrue(logs.stream().anyMatch(l -> l.endsWith("stdout: one")), logs.toString());
        assertTrue(logs.stream().anyMatch(l -> l.endsWith("stderr: two")), logs.toString());
    }
}
