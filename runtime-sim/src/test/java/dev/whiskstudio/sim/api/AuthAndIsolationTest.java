package dev.whiskstudio.sim.api;

import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Basic auth with the platform's messages, and one namespace unable to touch another's private entities. */
class AuthAndIsolationTest {
    static final Credential TEAM = Credential.parse("team", "7c7a3a0e-1f0b-4b5e-9a7e-2d2b7f1c0a11:teamsecretkey");
    private static final String CODE = "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p){return p}\"}}";
    @TempDir
    static Path dataDir;
    static SimHarness sim;

    @BeforeAll
    static void start() {
        sim = new SimHarness(SimConfig.defaults(dataDir, Profile.OPENWHISK).withCredentials(List.of(Credential.GUEST, TEAM)));
        SimHarness.Client guest = sim.guest();
        guest.put("/api/v1/namespaces/_/actions/private-action", CODE);
        guest.put("/api/v1/namespaces/_/triggers/private-trigger", "{}");
        guest.put("/api/v1/namespaces/_/rules/private-rule",
                "{\"trigger\":\"/guest/private-trigger\",\"action\":\"/guest/private-action\"}");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void missingCredentialsAre401WithAChallenge() {
        Reply r = sim.anonymous().get("/api/v1/namespaces");
        assertEquals(401, r.status());
        assertEquals("The resource requires authentication, which was not supplied with the request", r.error());
        assertEquals("Basic realm=\"OpenWhisk secure realm\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void wrongKeyOrUnknownUuidIs401() {
        Reply wrongKey = sim.as(Credential.parse("guest", Credential.GUEST.uuid() + ":wrong")).get("/api/v1/namespaces");
        assertEquals(401, wrongKey.status());
        assertEquals("The supplied authentication is invalid", wrongKey.error());
        Reply unknown = sim.as(Credential.parse("x", "nobody:nothing")).get("/api/v1/namespaces/_/actions");
        assertEquals(401, unknown.status());
        Reply garbage = sim.anonymous().send("GET", "/api/v1/namespaces", null, null);
        assertEquals(401, garbage.status());
    }

    @Test
    void eachKeyListsItsOwnNamespaces() {
        assertEquals("[\"guest\"]", sim.guest().get("/api/v1/namespaces").text());
        assertEquals("[\"team\"]", sim.as(TEAM).get("/api/v1/namespaces").text());
    }

    @Test
    void anotherNamespaceCannotReadOrChangePrivateEntities() {
        SimHarness.Client team = sim.as(TEAM);
        String[] paths = {"/api/v1/namespaces/guest/actions/private-action", "/api/v1/namespaces/guest/triggers/private-trigger",
                "/api/v1/namespaces/guest/rules/private-rule"};
        for (String p : paths) {
            Reply get = team.get(p);
            assertEquals(403, get.status(), p);
            assertTrue(get.error().startsWith("The supplied authentication is not authorized to access 'guest/"), get.error());
            assertEquals(403, team.put(p + "?overwrite=true", "{}").status(), p);
            assertEquals(403, team.delete(p).status(), p);
        }
        for (String collection : new String[]{"actions", "triggers", "rules", "activations"}) {
            Reply list = team.get("/api/v1/namespaces/guest/" + collection);
            assertEquals(403, list.status(), collection);
            assertEquals("The supplied authentication is not authorized to access 'guest'.", list.error());
        }
        assertEquals(403, team.put("/api/v1/namespaces/guest/actions/planted", CODE).status());
        assertFalse(team.get("/api/v1/namespaces/_/actions").text().contains("private-action"));
        assertEquals(200, sim.guest().get("/api/v1/namespaces/_/actions/private-action").status(), "the owner still sees it");
        assertEquals(404, sim.guest().get("/api/v1/namespaces/_/actions/planted").status(), "nothing was planted");
    }

    @Test
    void apiInfoNeedsNoAuthAndUnknownRoutesAre404() {
        Reply info = sim.anonymous().get("/api/v1");
        assertEquals(200, info.status());
        assertEquals("v1", info.json().get("api_version_path").asText());
        Reply nowhere = sim.anonymous().get("/nowhere");
        assertEquals(404, nowhere.status());
        assertEquals("The requested resource could not be found.", nowhere.error());
    }

    @Test
    void limitsRouteReportsTheProfile() {
        Reply r = sim.guest().get("/api/v1/namespaces/_/limits");
        assertEquals(200, r.status());
        assertEquals(30, r.json().get("concurrentInvocations").asInt());
        assertEquals(60, r.json().get("invocationsPerMinute").asInt());
        assertEquals(512, r.json().get("maxActionMemory").asInt());
    }
}
