package dev.whiskstudio.app.workspace.targets;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.app.workspace.env.DotEnv;
import dev.whiskstudio.app.workspace.env.UserEnvironment;
import dev.whiskstudio.sim.config.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetCatalogTest {
    private static final Target SIMULATOR = new Target("Local simulator", "http://127.0.0.1:3233", Credential.GUEST.auth());
    @TempDir
    Path home;
    @TempDir
    Path projects;

    private TargetCatalog catalog(Map<String, String> variables) {
        UserEnvironment user = new UserEnvironment(home, variables);
        return new TargetCatalog(user, UserTargets.in(user));
    }

    @Test
    void listsTheSimulatorTheCliClusterTheAioProjectAndTheUsersOwnInThatOrder() throws IOException {
        Files.writeString(home.resolve(".wskprops"), "APIHOST=https://ow.example.com\nAUTH=" + Credential.GUEST.auth()
                + "\nNAMESPACE=team-a\n");
        TargetCatalog catalog = catalog(Map.of());
        catalog.userTargets().add(new TargetFields("mine", "https://mine.example.com", "a-uuid:a-secret-key-long-enough", ""));
        Path project = Samples.copy(Samples.AIO_DEMO, projects);

        TargetListing listing = catalog.list(SIMULATOR, project);

        assertEquals(List.of(), listing.problems());
        assertEquals(List.of(TargetSource.SIMULATOR, TargetSource.WSKPROPS, TargetSource.AIO_PROJECT, TargetSource.USER),
                listing.targets().stream().map(TargetEntry::source).toList());
        TargetEntry wsk = listing.from(TargetSource.WSKPROPS).get(0);
        assertEquals("wsk: team-a on ow.example.com", wsk.name());
        assertEquals("team-a", wsk.namespace());
        assertEquals(home.resolve(".wskprops"), wsk.origin());
        TargetEntry aio = listing.from(TargetSource.AIO_PROJECT).get(0);
        assertEquals(TargetCatalog.AIO_DEFAULT_API_HOST, aio.apiHost());
        assertEquals("guest", aio.namespace());
        assertEquals(Credential.GUEST.auth(), aio.target().auth());
        assertEquals(project.resolve(".env"), aio.origin());
        assertTrue(listing.byId("simulator:Local simulator").isPresent());
        assertTrue(listing.byId("user:mine").isPresent());
    }

    @Test
    void aioNamesAreReadInAnyCaseAndTheHostCanBeGiven() throws IOException {
        DotEnv env = DotEnv.parse("aio_runtime_auth=u:k-that-is-secret\nAIO_RUNTIME_APIHOST=https://deploy.example.com\n"
                + "Aio_Runtime_Namespace=ns-1\n", ".env");
        TargetEntry aio = TargetCatalog.aioTarget(env, Path.of(".env")).orElseThrow();
        assertEquals("https://deploy.example.com", aio.apiHost());
        assertEquals("ns-1", aio.namespace());
        assertEquals("aio: ns-1 on deploy.example.com", aio.name());
        assertTrue(TargetCatalog.aioTarget(DotEnv.parse("LOG_LEVEL=debug\n", ".env"), Path.of(".env")).isEmpty());
    }

    @Test
    void brokenFilesAreProblemsNotFailuresAndTheRestIsStillListed() throws IOException {
        Files.writeString(home.resolve(".wskprops"), "APIHOST=h\nbroken line\n");
        Path project = Files.createDirectories(projects.resolve("p"));
        Files.writeString(project.resolve(".env"), "AIO_RUNTIME_AUTH=\"unclosed\n");
        UserTargets user = UserTargets.in(new UserEnvironment(home, Map.of()));
        Files.createDirectories(user.file().getParent());
        Files.writeString(user.file(), "not json");

        TargetListing listing = catalog(Map.of()).list(SIMULATOR, project);

        assertEquals(List.of(TargetSource.SIMULATOR), listing.targets().stream().map(TargetEntry::source).toList());
        assertEquals(3, listing.problems().size(), listing.problems().toString());
        assertTrue(listing.problems().get(0).contains(".wskprops line 2"), listing.problems().get(0));
        assertTrue(listing.problems().get(1).contains(".env line 1"), listing.problems().get(1));
        assertTrue(listing.problems().get(2).contains("targets.json"), listing.problems().get(2));
    }

    @Test
    void anIncompleteWskpropsIsAProblemAndWskConfigFileIsFollowed() throws IOException {
        Path props = Files.writeString(home.resolve("elsewhere.props"), "AUTH=a:b\n");
        TargetListing listing = catalog(Map.of("WSK_CONFIG_FILE", props.toString())).list(null, null);
        assertTrue(listing.targets().isEmpty());
        assertEquals(List.of(props + " has no APIHOST, so its cluster is not listed."), listing.problems());
    }

    @Test
    void noFilesMeansOnlyTheSimulator() {
        TargetListing listing = catalog(Map.of()).list(SIMULATOR, null);
        assertEquals(1, listing.targets().size());
        assertTrue(listing.problems().isEmpty());
        assertFalse(Files.exists(home.resolve(".whisk-studio")), "listing writes nothing");
    }
}
