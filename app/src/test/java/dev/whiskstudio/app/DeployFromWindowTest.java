package dev.whiskstudio.app;

import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.workbench.Workbench;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deploy from the main window: the user's cluster (from {@code ~/.wskprops}; here a second simulator) is offered
 * first, the preview lists what will be created, Deploy sends it, and what arrived runs there; deployed again, the
 * preview says there is nothing to do.
 */
class DeployFromWindowTest {
    private static final long STARTUP_SECONDS = 40;

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private Simulator cluster;
    private WhiskStudioApp app;
    private Workbench workbench;

    @BeforeEach
    void launch() throws Exception {
        cluster = Simulator.start(SimConfig.defaults(temp.resolve("cluster"), Profile.OPENWHISK).withPort(0));
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve(".wskprops"), "APIHOST=" + cluster.apiHost() + "\nAUTH="
                + Credential.GUEST.auth() + "\n");
        Path project = Samples.copy(Samples.MANIFEST_DEMO, temp);
        FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(temp.resolve("simulator"), 0, Profile.OPENWHISK, ThemeChoice.LIGHT)
                .withUserHome(home).withProject(project);
        app = (WhiskStudioApp) FxToolkit.setupApplication(() -> new WhiskStudioApp(config,
                new dev.whiskstudio.app.node.NodeProbe()));
        workbench = onFx(app::workbench);
        waitUntil(STARTUP_SECONDS, () -> workbench.targets().simulatorEntry() != null
                && workbench.project().projectProperty().get() != null);
    }

    @AfterEach
    void closeApp() throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
                app.stopped().get(30, TimeUnit.SECONDS);
            }
            FxToolkit.cleanupStages();
        } finally {
            cluster.close();
        }
    }

    @Test
    void theProjectIsDeployedToTheUsersClusterAfterAPreviewAndASecondDeployHasNothingToDo() throws Exception {
        // an edit of the manifest not saved yet is what gets deployed
        Path manifest = onFx(() -> workbench.project().projectProperty().get().manifest());
        var document = onFx(() -> workbench.editors().open(manifest)).get(30, TimeUnit.SECONDS);
        onFx(() -> {
            String text = document.text();
            document.editor().area().replaceText(text.replace("punctuation: \"!\"", "punctuation: \"?\""));
            return null;
        });
        robot.clickOn("#tool-deploy");
        waitUntil(30, () -> text("#deploy-counts").startsWith("6 create"));
        assertTrue(onFx(() -> String.valueOf(((ComboBox<?>) robot.lookup("#deploy-target").query()).getValue()))
                .contains(cluster.apiHost()), "the cluster of ~/.wskprops is offered first");

        robot.clickOn("#deploy-button");
        waitUntil(30, () -> !text("#deploy-status").startsWith("Deploying"));
        assertTrue(text("#deploy-status").equals("Deployed: 6 written, 0 unchanged"), text("#deploy-status"));

        try (OpenWhiskClient client = new OpenWhiskClient(cluster.apiHost(), Credential.GUEST.auth())) {
            var hello = client.get("_", EntityCollection.ACTIONS, "demo/hello");
            assertEquals("nodejs:20", hello.path("exec").path("kind").asText());
            var result = client.invoke("_", "demo/hello", new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"name\":\"cluster\"}"), true, java.time.Duration.ofSeconds(30));
            assertTrue(result.toString().contains("Hello, cluster?"), "the manifest as edited: " + result);
        }

        robot.clickOn("#deploy-refresh");
        waitUntil(30, () -> text("#deploy-counts").startsWith("0 create, 0 update, 6 unchanged"));
        assertEquals("The target is up to date: nothing to deploy.", text("#deploy-status"));
        robot.clickOn("#deploy-close");
    }

    private String text(String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText() : "")
                .orElse(""));
    }
}
