package dev.whiskstudio.app.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against a real embedded simulator on a free port with its own data directory. */
class OpenWhiskClientTest {
    private static final String GUEST = Credential.GUEST.namespace();

    @TempDir
    Path dataDir;
    private Simulator sim;
    private OpenWhiskClient client;

    @BeforeEach
    void startSimulator() throws Exception {
        sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        client = new OpenWhiskClient(sim.apiHost(), Credential.GUEST.auth());
    }

    @AfterEach
    void stopSimulator() {
        client.close();
        sim.close();
    }

    @Test
    void theGuestKeyOpensTheGuestNamespace() throws IOException {
        assertEquals(List.of(GUEST), client.namespaces());
    }

    @Test
    void aNewNamespaceHasNoEntities() throws IOException {
        for (EntityCollection c : EntityCollection.values()) {
            assertEquals(0, client.count(GUEST, c), c.path());
        }
        assertTrue(client.listActions(GUEST).isEmpty());
        assertTrue(client.listPackages(GUEST).isEmpty());
        assertTrue(client.listTriggers(GUEST).isEmpty());
        assertTrue(client.listRules(GUEST).isEmpty());
    }

    @Test
    void aPackagePutThroughTheClientIsCountedAndListed() throws IOException {
        client.putPackage("_", "utils", JsonNodeFactory.instance.objectNode(), false);

        assertEquals(1, client.count(GUEST, EntityCollection.PACKAGES));
        List<EntitySummary> packages = client.listPackages(GUEST);
        assertEquals(1, packages.size());
        EntitySummary utils = packages.get(0);
        assertEquals("utils", utils.name());
        assertEquals(GUEST, utils.namespace());
        assertEquals("0.0.1", utils.version());
        assertFalse(utils.publish());
        assertTrue(utils.updated() > 0);
        assertTrue(utils.annotations().isArray());
    }

    @Test
    void listingReadsEveryPageOfALargeCollection() throws IOException {
        int total = OpenWhiskClient.PAGE_SIZE + 3;
        for (int i = 0; i < total; i++) {
            client.putPackage(GUEST, "p" + i, JsonNodeFactory.instance.objectNode(), false);
        }
        assertEquals(total, client.listPackages(GUEST).size());
        assertEquals(total, client.count(GUEST, EntityCollection.PACKAGES));
    }

    @Test
    void aWrongKeyIsRefusedWithThePlatformsStatusAndWords() {
        try (OpenWhiskClient stranger = new OpenWhiskClient(sim.apiHost(), Credential.GUEST.uuid() + ":wrong")) {
            OpenWhiskException e = assertThrows(OpenWhiskException.class, stranger::namespaces);
            assertEquals(401, e.status());
            assertEquals("The supplied authentication is invalid", e.error());
            assertNotNull(e.code(), "the transaction id");
            assertFalse(e.getMessage().contains("wrong"), "the key stays out of messages");
        }
    }

    @Test
    void anotherNamespaceIsForbidden() {
        OpenWhiskException e = assertThrows(OpenWhiskException.class,
                () -> client.count("someone-else", EntityCollection.ACTIONS));
        assertEquals(403, e.status());
        assertTrue(e.error().contains("not authorized"), e.error());
    }

    @Test
    void creatingAnExistingPackageAgainIsAConflict() throws IOException {
        client.putPackage(GUEST, "utils", JsonNodeFactory.instance.objectNode(), false);
        OpenWhiskException e = assertThrows(OpenWhiskException.class,
                () -> client.putPackage(GUEST, "utils", JsonNodeFactory.instance.objectNode(), false));
        assertEquals(409, e.status());
        assertEquals("resource already exists", e.error());
        // overwrite=true replaces it instead
        assertEquals("utils", client.putPackage(GUEST, "utils", JsonNodeFactory.instance.objectNode(), true)
                .path("name").asText());
    }

    @Test
    void aTargetThatIsNotListeningFailsFastWithTheConnectionsError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (OpenWhiskClient nowhere = new OpenWhiskClient("http://127.0.0.1:" + closedPort, Credential.GUEST.auth(),
                Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            IOException e = assertThrows(IOException.class, nowhere::namespaces);
            assertFalse(e instanceof OpenWhiskException, "nothing answered, so there is no platform error");
        }
    }
}
