package dev.whiskstudio.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Packages, publishing and bindings over real HTTP, with the platform's binding errors. */
class PackageApiTest {
    static final Credential TEAM = Credential.parse("team", "7c7a3a0e-1f0b-4b5e-9a7e-2d2b7f1c0a11:teamsecretkey");
    private static final String CODE = "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p){return p}\"}}";
    @TempDir
    static Path dataDir;
    static SimHarness sim;
    static SimHarness.Client guest;
    static SimHarness.Client team;

    @BeforeAll
    static void start() {
        sim = new SimHarness(SimConfig.defaults(dataDir, Profile.OPENWHISK).withCredentials(List.of(Credential.GUEST, TEAM)));
        guest = sim.guest();
        team = sim.as(TEAM);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String pkg(String name) {
        return "/api/v1/namespaces/_/packages/" + name;
    }

    @Test
    void createGetUpdateAndDeleteAPackage() {
        Reply created = guest.put(pkg("p1"), "{\"parameters\":[{\"key\":\"a\",\"value\":1}]}");
        assertEquals(200, created.status(), created.text());
        JsonNode p = created.json();
        assertEquals("0.0.1", p.get("version").asText());
        assertEquals(0, p.get("binding").size());
        assertFalse(p.has("actions"), "PUT answers without the contents");
        guest.put("/api/v1/namespaces/_/actions/p1/a1", CODE);
        guest.put("/api/v1/namespaces/_/actions/p1/feed1", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},"
                + "\"annotations\":[{\"key\":\"feed\",\"value\":true}]}");
        JsonNode got = guest.get(pkg("p1")).json();
        assertEquals("a1", got.at("/actions/0/name").asText());
        assertEquals("feed1", got.at("/feeds/0/name").asText());

        Reply updated = guest.put(pkg("p1") + "?overwrite=true", "{\"publish\":true,\"annotations\":[{\"key\":\"k\",\"value\":\"v\"}]}");
        assertEquals("0.0.2", updated.json().get("version").asText());
        assertTrue(updated.json().get("publish").asBoolean());
        assertEquals(1, updated.json().get("parameters").size(), "parameters kept when not given");

        Reply notEmpty = guest.delete(pkg("p1"));
        assertEquals(409, notEmpty.status());
        assertEquals("Package not empty (contains 2 entities). Set force param or delete package contents.", notEmpty.error());
        assertEquals(200, guest.delete(pkg("p1") + "?force=true").status());
        assertEquals(404, guest.get("/api/v1/namespaces/_/actions/p1/a1").status(), "force deleted the contents");
        Reply missing = guest.get(pkg("p1"));
        assertEquals(404, missing.status());
        assertEquals("The requested resource 'guest/p1' does not exist.", missing.error());
    }

    @Test
    void defaultIsAReservedPackageName() {
        Reply r = guest.put(pkg("default"), "{}");
        assertEquals(400, r.status());
        assertEquals("Package name 'default' is reserved.", r.error());
    }

    @Test
    void actionsReadThroughAPackageInheritItsParameters() {
        guest.put(pkg("inherit"), "{\"parameters\":[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":1}]}");
        guest.put("/api/v1/namespaces/_/actions/inherit/act", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},"
                + "\"parameters\":[{\"key\":\"b\",\"value\":2}]}");
        JsonNode a = guest.get("/api/v1/namespaces/_/actions/inherit/act").json();
        assertEquals("guest/inherit", a.get("namespace").asText());
        assertEquals("[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":2}]", a.get("parameters").toString());
    }

    @Test
    void bindingToAPublishedPackageOfAnotherNamespace() {
        team.put(pkg("shared"), "{\"publish\":true,\"parameters\":[{\"key\":\"host\",\"value\":\"a\"},{\"key\":\"port\",\"value\":1}]}");
        team.put("/api/v1/namespaces/_/actions/shared/tool", CODE);
        Reply binding = guest.put(pkg("mybinding"), "{\"binding\":{\"namespace\":\"team\",\"name\":\"shared\"},"
                + "\"parameters\":[{\"key\":\"port\",\"value\":2}]}");
        assertEquals(200, binding.status(), binding.text());
        assertEquals("{\"namespace\":\"team\",\"name\":\"shared\"}", binding.json().get("binding").toString());

        JsonNode got = guest.get(pkg("mybinding")).json();
        assertEquals("tool", got.at("/actions/0/name").asText(), "a binding shows the bound package's actions");
        assertEquals("[{\"key\":\"host\",\"value\":\"a\"},{\"key\":\"port\",\"value\":2}]", got.get("parameters").toString());

        JsonNode viaBinding = guest.get("/api/v1/namespaces/_/actions/mybinding/tool").json();
        assertEquals("team/shared", viaBinding.get("namespace").asText());
        JsonNode listed = guest.get("/api/v1/namespaces/_/actions/mybinding/").json();
        assertEquals("tool", listed.get(0).get("name").asText());

        Reply putInBinding = guest.put("/api/v1/namespaces/_/actions/mybinding/new", CODE);
        assertEquals(400, putInBinding.status());
        assertEquals("Operation not permitted on package binding.", putInBinding.error());

        JsonNode mine = guest.get("/api/v1/namespaces/_/packages").json();
        boolean sawBinding = false;
        for (JsonNode p : mine) {
            if (p.get("name").asText().equals("mybinding")) {
                sawBinding = p.get("binding").isObject();
            }
        }
        assertTrue(sawBinding, "the owner's list shows the binding with its target");
    }

    @Test
    void bindingErrorsAreThePlatforms() {
        Reply missingOwn = guest.put(pkg("b1"), "{\"binding\":{\"namespace\":\"guest\",\"name\":\"nothere\"}}");
        assertEquals(400, missingOwn.status());
        assertEquals("Binding references a package that does not exist.", missingOwn.error());

        team.put(pkg("private"), "{}");
        Reply privateOther = guest.put(pkg("b2"), "{\"binding\":{\"namespace\":\"team\",\"name\":\"private\"}}");
        assertEquals(403, privateOther.status());
        assertEquals("The supplied authentication is not authorized to access 'team/private'.", privateOther.error());

        guest.put(pkg("real"), "{}");
        guest.put(pkg("b3"), "{\"binding\":{\"namespace\":\"guest\",\"name\":\"real\"}}");
        Reply toBinding = guest.put(pkg("b4"), "{\"binding\":{\"namespace\":\"guest\",\"name\":\"b3\"}}");
        assertEquals(400, toBinding.status());
        assertEquals("Cannot bind to another package binding.", toBinding.error());

        guest.put("/api/v1/namespaces/_/actions/notapkg", CODE);
        Reply toAction = guest.put(pkg("b5"), "{\"binding\":{\"namespace\":\"guest\",\"name\":\"notapkg\"}}");
        assertEquals(409, toAction.status());
        assertEquals("Cannot bind to a resource that is not a package.", toAction.error());

        Reply convert = guest.put(pkg("real") + "?overwrite=true", "{\"binding\":{\"namespace\":\"guest\",\"name\":\"b3\"}}");
        assertEquals(409, convert.status());
        assertEquals("Resource is a package and cannot be converted into a binding.", convert.error());
        assertEquals(200, guest.delete(pkg("b3")).status(), "a binding deletes without force");
    }

    @Test
    void anotherNamespaceSeesOnlyPublishedPackages() {
        guest.put(pkg("open"), "{\"publish\":true}");
        guest.put(pkg("closed"), "{}");
        JsonNode seen = team.get("/api/v1/namespaces/guest/packages").json();
        boolean open = false;
        for (JsonNode p : seen) {
            assertTrue(p.get("publish").asBoolean(), "only published packages: " + p);
            assertEquals(false, p.get("binding").asBoolean(true));
            open |= p.get("name").asText().equals("open");
        }
        assertTrue(open);
        assertEquals(200, team.get("/api/v1/namespaces/guest/packages/open").status());
        Reply closed = team.get("/api/v1/namespaces/guest/packages/closed");
        assertEquals(403, closed.status());
        assertEquals("The supplied authentication is not authorized to access 'guest/closed'.", closed.error());
        assertEquals(403, team.put("/api/v1/namespaces/guest/packages/open?overwrite=true", "{}").status(),
                "reading a published package does not allow changing it");
        assertEquals(403, team.delete("/api/v1/namespaces/guest/packages/open").status());
    }
}
