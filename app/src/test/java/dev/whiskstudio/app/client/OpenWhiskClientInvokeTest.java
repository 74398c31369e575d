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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entity writes, invocation and activations through the client, against a real simulator running Node. */
class OpenWhiskClientInvokeTest {
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

    private static ObjectNode action(String code) {
        ObjectNode a = JSON.createObjectNode();
        a.putObject("exec").put("kind", "nodejs:20").put("code", code);
        return a;
    }

    @Test
    void createGetInvokeAndDeleteAnAction() throws IOException {
        client.putPackage(GUEST, "tools", JSON.createObjectNode(), false);
        JsonNode created = client.put(GUEST, EntityCollection.ACTIONS, "tools/greet",
                action("function main(p) { return { hi: p.name }; }"), false);
        assertEquals("0.0.1", created.get("version").asText());
        assertTrue(client.get(GUEST, EntityCollection.ACTIONS, "tools/greet").at("/exec/code").asText().contains("hi"));
        assertEquals(1, client.listPackageActions(GUEST, "tools").size());

        Invocation done = client.invoke(GUEST, "tools/greet", JSON.createObjectNode().put("name", "ada"), true,
                Duration.ofSeconds(30));
        assertEquals(200, done.status());
        assertEquals("ada", done.record().at("/response/result/hi").asText());
        assertEquals(done.activationId(), done.record().get("activationId").asText());
        assertEquals(done.activationId(), client.activation(GUEST, done.activationId()).get("activationId").asText());
        assertEquals(1, client.listActivations(GUEST, "tools/greet", 10, 0, 0, false).size());

        client.delete(GUEST, EntityCollection.ACTIONS, "tools/greet", false);
        OpenWhiskException gone = assertThrows(OpenWhiskException.class,
                () -> client.get(GUEST, EntityCollection.ACTIONS, "tools/greet"));
        assertEquals(404, gone.status());
    }

    @Test
    void aFailingActionIsAnInvocationWithItsRecordNotAnException() throws IOException {
        client.put(GUEST, EntityCollection.ACTIONS, "fails", action("function main() { return { error: 'no' }; }"), false);
        Invocation failed = client.invoke(GUEST, "fails", null, true, Duration.ofSeconds(30));
        assertEquals(502, failed.status());
        assertEquals("application error", failed.record().at("/response/status").asText());
    }

    @Test
    void nonBlockingInvocationAnswersAtOnceWithAnId() throws IOException {
        client.put(GUEST, EntityCollection.ACTIONS, "later", action("function main() { return {}; }"), false);
        Invocation started = client.invoke(GUEST, "later", null, false, null);
        assertEquals(202, started.status());
        assertNotNull(started.activationId());
        assertNull(started.record());
    }
}
