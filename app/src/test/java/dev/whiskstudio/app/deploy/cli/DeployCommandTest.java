package dev.whiskstudio.app.deploy.cli;

import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.deploy.RetryPolicy;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.app.workspace.env.UserEnvironment;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless command against a simulator acting as the cluster, with a temporary home for its files. */
class DeployCommandTest {
    private static final String GUEST = Credential.GUEST.namespace();
    private static final RetryPolicy FAST =
            new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1));

    @TempDir
    Path dataDir;
    @TempDir
    Path home;
    @TempDir
    Path projects;
    private Simulator sim;
    private OpenWhiskClient client;
    private Path project;
    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        client = new OpenWhiskClient(sim.apiHost(), Credential.GUEST.auth());
        project = projects.resolve("p");
        Samples.write(project, "hello.js", "function main(p) { return { message: 'hi ' + p.who }; }");
        Samples.write(project, "manifest.yml", """
                packages:
                  demo:
                    actions:
                      hello:
                        function: hello.js
                        inputs:
                          who: $WHO
                """);
        env.put("WHO", "ci");
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private int run(Supplier<Boolean> confirm, String... args) {
        out.reset();
        err.reset();
        DeployCommand command = new DeployCommand(new UserEnvironment(home, env),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                confirm, FAST);
        return command.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void wskprops(String auth) throws Exception {
        Files.writeString(home.resolve(".wskprops"), "APIHOST=" + sim.apiHost() + "\nAUTH=" + auth + "\n");
    }

    @Test
    void deploysWithTheWskpropsTargetThenFindsNothingToDoAndNeverPrintsTheKey() throws Exception {
        wskprops(Credential.GUEST.auth());

        assertEquals(DeployCommand.OK, run(null, "deploy", "--project", project.toString(), "--yes"), err()::toString);
        String first = out();
        assertTrue(first.contains("  create    package  demo"), first);
        assertTrue(first.contains("[2/2] done      action demo/hello"), first);
        assertTrue(first.contains("Deployed: 2 written, 0 unchanged"), first);
        assertFalse(first.contains(Credential.GUEST.key()), "the key is never printed");
        assertTrue(first.contains("key 23bc46b1…:••••"), first);
        assertEquals("hi ci", client.invoke(GUEST, "demo/hello", null, true, Duration.ofSeconds(30)).record()
                .at("/response/result/message").asText());

        assertEquals(DeployCommand.OK, run(null, "deploy", "--project", project.toString(), "--yes"));
        assertTrue(out().contains("Nothing to deploy: the target is up to date."), out());
        assertEquals("0.0.1", client.get(GUEST, EntityCollection.ACTIONS, "demo/hello").get("version").asText());
    }

    @Test
    void aDryRunPrintsThePreviewAndSendsNothing() throws Exception {
        wskprops(Credential.GUEST.auth());
        assertEquals(DeployCommand.OK, run(null, "deploy", "--project", project.toString(), "--dry-run"));
        assertTrue(out().contains("2 to create, 0 to update, 0 unchanged, 0 extra on the target"), out());
        assertTrue(out().contains("Dry run: nothing was sent."), out());
        assertEquals(0, client.listPackages(GUEST).size());
    }

    @Test
    void aKeyGivenInAVariableIsKeptOnceOwnerOnlyAndUsableByName() throws Exception {
        env.put("CLUSTER_KEY", Credential.GUEST.auth());
        assertEquals(DeployCommand.OK, run(null, "deploy", "--project", project.toString(), "--apihost", sim.apiHost(),
                "--auth-env", "CLUSTER_KEY", "--save-target", "staging", "--yes"), err()::toString);
        assertTrue(out().contains("The key is kept as target 'staging'"), out());
        Path saved = home.resolve(".whisk-studio/targets.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
        assertFalse(out().contains(Credential.GUEST.key()));

        assertEquals(DeployCommand.OK, run(null, "deploy", "--project", project.toString(), "--apihost", sim.apiHost(),
                "--auth-env", "CLUSTER_KEY", "--save-target", "again", "--dry-run"));
        assertTrue(out().contains("known already as target 'staging'"), out());

        assertEquals(DeployCommand.OK, run(null, "deploy", "--project", project.toString(), "--target", "staging",
                "--dry-run"));
        assertTrue(out().contains("2 unchanged"), out());
    }

    @Test
    void aRefusedKeyExitsWith3AndSaysWhy() throws Exception {
        wskprops(Credential.GUEST.uuid() + ":not-the-right-key");
        assertEquals(DeployCommand.REFUSED, run(null, "deploy", "--project", project.toString(), "--yes"));
        assertTrue(err().contains("The target refused the key (HTTP 401"), err());
        assertFalse(err().contains("not-the-right-key") || out().contains("not-the-right-key"));
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsDeployed() throws Exception {
        wskprops(Credential.GUEST.auth());
        assertEquals(DeployCommand.USAGE, run(null, "deploy", "--project", project.toString()));
        assertTrue(err().contains("add --yes"), err());
        assertEquals(DeployCommand.OK, run(() -> false, "deploy", "--project", project.toString()));
        assertTrue(out().contains("Nothing deployed."), out());
        assertEquals(0, client.listPackages(GUEST).size());
        assertEquals(DeployCommand.OK, run(() -> true, "deploy", "--project", project.toString()));
        assertEquals(1, client.listPackages(GUEST).size());
    }

    @Test
    void yesWithAnUnsetVariableDeploysNothingUnlessMissingVariablesAreAllowed() throws Exception {
        wskprops(Credential.GUEST.auth());
        env.remove("WHO");

        assertEquals(DeployCommand.USAGE, run(null, "deploy", "--project", project.toString(), "--yes"));
        assertTrue(err().contains("the variable $WHO is not set in the environment or in .env"), err());
        assertTrue(err().contains("--allow-missing-vars"), err());
        assertEquals(0, client.listPackages(GUEST).size(), "nothing sent");

        assertEquals(DeployCommand.OK, run(null, "deploy", "--project", project.toString(), "--yes",
                "--allow-missing-vars"), err()::toString);
        assertEquals("hi ", client.invoke(GUEST, "demo/hello", null, true, Duration.ofSeconds(30)).record()
                .at("/response/result/message").asText(), "sent as an empty string");
        assertEquals(DeployCommand.OK, run(null, "--help"));
        assertTrue(out().contains("--allow-missing-vars"), out());
    }

    @Test
    void wrongUsageAndAMissingTargetExitWith2() {
        assertEquals(DeployCommand.USAGE, run(null, "deploy", "--scope", "module:x"));
        assertTrue(err().contains("--scope is project, package:NAME or action:PACKAGE/NAME"), err());
        assertEquals(DeployCommand.USAGE, run(null, "deploy", "--project", project.toString(), "--yes"));
        assertTrue(err().contains("no target"), err());
        assertEquals(DeployCommand.OK, run(null, "--help"));
        assertTrue(out().contains("usage: java -jar whisk-deploy.jar deploy"));
    }
}
