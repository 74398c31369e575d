package dev.whiskstudio.app;

import dev.whiskstudio.app.editor.tabs.EditorDocument;
import dev.whiskstudio.app.explorer.ExplorerNode;
import dev.whiskstudio.app.project.ProjectNode;
import dev.whiskstudio.app.workbench.Workbench;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.sim.config.Profile;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.runFx;
import static dev.whiskstudio.app.explorer.FxSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole window against its real embedded simulator, as a user works with it: open the sample project, edit an
 * action, save, sync, invoke and read the result; and the error paths (bad JSON, an unreachable target, a project
 * that cannot be read) give a message without losing anything.
 */
class WorkbenchAcceptanceTest {
    private static final long STARTUP_SECONDS = 40;

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private WhiskStudioApp app;
    private Workbench workbench;

    @BeforeEach
    void registerStage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app.stopped().get(30, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
    }

    private void launch(Path project) throws Exception {
        launch(project, new dev.whiskstudio.app.node.NodeProbe());
    }

    private void launch(Path project, dev.whiskstudio.app.node.NodeProbe nodeProbe) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        AppConfig config = new AppConfig(temp.resolve("simulator"), 0, Profile.OPENWHISK, ThemeChoice.LIGHT)
                .withUserHome(home).withProject(project);
        app = (WhiskStudioApp) FxToolkit.setupApplication(() -> new WhiskStudioApp(config, nodeProbe));
        workbench = onFx(app::workbench);
        waitUntil(STARTUP_SECONDS, () -> workbench.targets().simulatorEntry() != null);
    }

    @Test
    void openEditSaveSyncInvokeAndSeeTheResult() throws Exception {
        Path project = Samples.copy(Samples.MANIFEST_DEMO, temp);
        Path hello = project.resolve("src/hello.js");
        launch(project);

        // the project's manifest is read: its package, actions, sequence, trigger and rule are in the tree
        waitUntil(() -> projectRow("hello") != null && projectRow("hello-loud") != null
                && projectRow("greet-on-request") != null);

        // double-click opens the action's own file
        robot.doubleClickOn(projectRow("hello"));
        waitUntil(() -> workbench.editors().currentDocument().map(d -> d.path().equals(hello)).orElse(false));
        EditorDocument doc = onFx(() -> workbench.editors().currentDocument().orElseThrow());

        // edit: go to the line of the return, put a statement before it
        CodeArea area = onFx(() -> doc.editor().area());
        robot.clickOn(area);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#go-to-line-field").tryQuery().isPresent());
        robot.write("6").type(KeyCode.ENTER); // the popup has the focus, with the current line selected
        waitUntil(() -> doc.editor().getCaretPosition().line() == 6);
        robot.write("params.punctuation = '?'; ");
        waitUntil(doc::isDirty);
        assertTrue(onFx(() -> doc.getTitle().endsWith(EditorDocument.DIRTY_MARK)), "the tab shows the unsaved edit");

        // save with the keyboard: the file on disk has the edit, the tab is clean again
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !doc.isDirty());
        assertTrue(Files.readString(hello, StandardCharsets.UTF_8).contains("params.punctuation = '?';"));

        // sync to the simulator from the toolbar: the report says all went through, the explorer shows the package
        robot.clickOn("#tool-sync");
        waitUntil(() -> robot.lookup("#sync-summary").tryQuery().map(Node::isVisible).orElse(false));
        String summary = onFx(() -> ((Label) robot.lookup("#sync-summary").query()).getText());
        assertEquals("Synced 6 of 6", summary, "every entity of the project went through");
        waitUntil(() -> explorerHas("demo"));

        // selecting the action makes it the invoke panel's; parameters, Run, and the result with the edit in it
        robot.clickOn(projectRow("hello"));
        waitUntil(() -> text("#invoke-action").contains("hello"));
        robot.clickOn("#invoke-params").write("{\"name\": \"tester\"}");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(30, () -> text("#invoke-status").toLowerCase().contains("success"));
        waitUntil(() -> resultTreeHas("Hello, tester?"));
        assertTrue(text("#invoke-start").toLowerCase().contains("cold"), text("#invoke-start"));

        // a second run is warm
        robot.clickOn("#invoke-run");
        waitUntil(30, () -> text("#invoke-start").toLowerCase().contains("warm"));
    }

    @Test
    void badParametersKeepRunOffAndSayWhere() throws Exception {
        Path project = Samples.copy(Samples.MANIFEST_DEMO, temp);
        launch(project);
        waitUntil(() -> projectRow("hello") != null);
        robot.clickOn(projectRow("hello"));
        waitUntil(() -> text("#invoke-action").contains("hello"));
        robot.clickOn("#invoke-params").write("{\"name\": ");
        waitUntil(() -> !text("#invoke-params-problem").isEmpty());
        assertTrue(onFx(() -> ((Button) robot.lookup("#invoke-run").query()).isDisabled()));
        assertTrue(text("#invoke-params-problem").toLowerCase().contains("line"), text("#invoke-params-problem"));
        assertEquals("{\"name\": ", onFx(() -> workbench.invokePanel().editor().getText()), "the typed text is kept");
    }

    @Test
    void aProjectThatCannotBeReadSaysWhereAndOpensTheLine() throws Exception {
        Path project = Samples.copy(Samples.MANIFEST_DEMO, temp);
        Files.writeString(project.resolve("manifest.yml"), "packages:\n  demo:\n    actions: [unclosed\n");
        launch(project);
        waitUntil(() -> !text("#project-problem").isEmpty());
        assertTrue(text("#project-problem").contains("manifest.yml"), text("#project-problem"));
        robot.clickOn("#project-problem-open");
        waitUntil(() -> workbench.editors().currentDocument()
                .map(d -> d.path().getFileName().toString().equals("manifest.yml")).orElse(false));
    }

    @Test
    void anUnreachableClusterGivesAMessageAndTheWindowStaysUsable() throws Exception {
        launch(null);
        int closedPort = closedPort();
        runFx(() -> {
            try {
                workbench.targets().catalog().userTargets().add(new dev.whiskstudio.app.workspace.targets.TargetFields(
                        "gone", "http://127.0.0.1:" + closedPort, "0a1b2c3d-0000-4000-8000-000000000001:secret", ""));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            workbench.targets().reload();
        });
        waitUntil(() -> workbench.targets().entries().stream().anyMatch(e -> e.name().equals("gone")));
        runFx(() -> workbench.targets().selectedProperty().set(workbench.targets().entries().stream()
                .filter(e -> e.name().equals("gone")).findFirst().orElseThrow()));
        waitUntil(() -> robot.lookup(n -> n instanceof Label l && l.isVisible() && l.getText() != null
                && l.getText().contains("127.0.0.1:" + closedPort)).tryQuery().isPresent());
        // the key never shows in the window
        assertFalse(robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().contains("secret"))
                .tryQuery().isPresent());
        // back to the simulator: the explorer loads again
        runFx(() -> workbench.targets().selectSimulator());
        waitUntil(() -> explorerHas("guest"));
    }

    @Test
    void unsavedEditsOfACrashedRunAreOfferedBackAndRestoredAsUnsaved() throws Exception {
        Path project = Samples.copy(Samples.MANIFEST_DEMO, temp);
        Path hello = project.resolve("src/hello.js");
        String recovered = Files.readString(hello) + "\n// typed before the crash\n";
        // what the editor of a run that died left behind: a recovery copy in the app's folder
        new dev.whiskstudio.app.editor.recovery.RecoveryStore(temp.resolve("home/.whisk-studio/recovery"))
                .write(hello, recovered);
        launch(project);
        waitUntil(() -> robot.lookup("#recovery-offer").tryQuery().isPresent());
        robot.clickOn("Restore");
        waitUntil(() -> workbench.editors().currentDocument().map(d -> d.path().equals(hello)).orElse(false));
        EditorDocument doc = onFx(() -> workbench.editors().currentDocument().orElseThrow());
        assertEquals(recovered, onFx(doc::text));
        assertTrue(onFx(doc::isDirty), "the recovered text is an unsaved edit: the file itself is unchanged");
        assertFalse(Files.readString(hello).contains("typed before the crash"));
    }

    @Test
    void theStatusBarCountsTheActivationsRunningInTheSimulator() throws Exception {
        launch(null);
        String apiHost = onFx(() -> workbench.targets().simulatorEntry().apiHost());
        try (dev.whiskstudio.app.client.OpenWhiskClient client = new dev.whiskstudio.app.client.OpenWhiskClient(
                apiHost, dev.whiskstudio.sim.config.Credential.GUEST.auth())) {
            var action = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"exec\":{\"kind\":\"nodejs:20\","
                    + "\"code\":\"function main(){return new Promise(r => setTimeout(() => r({}), 2500))}\"}}");
            client.put("_", dev.whiskstudio.app.client.EntityCollection.ACTIONS, "slow", action, true);
            assertEquals("0 activations running", text("#status-running"));
            client.invoke("_", "slow", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), false,
                    java.time.Duration.ofSeconds(5));
            client.invoke("_", "slow", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), false,
                    java.time.Duration.ofSeconds(5));
            waitUntil(() -> text("#status-running").equals("2 activations running"));
            waitUntil(() -> text("#status-running").equals("0 activations running"));
        }
    }

    @Test
    void withoutNodeJsTheWindowSaysWhatToInstallAndKeepsWorking() throws Exception {
        Path project = Samples.copy(Samples.MANIFEST_DEMO, temp);
        launch(project, new dev.whiskstudio.app.node.NodeProbe("no-such-node-" + System.nanoTime(),
                java.time.Duration.ofSeconds(5)));
        waitUntil(() -> !text("#node-missing").isEmpty());
        assertTrue(onFx(() -> robot.lookup("#node-missing").query().isVisible()));
        assertTrue(text("#node-missing").contains("install Node.js 18 or newer"), text("#node-missing"));
        // the rest of the window works: the project is there and the explorer reads the simulator
        waitUntil(() -> projectRow("hello") != null && explorerHas("guest"));
    }

    @Test
    void theThemeAndTheProjectAreRememberedForTheNextRun() throws Exception {
        Path project = Samples.copy(Samples.MANIFEST_DEMO, temp);
        launch(project);
        waitUntil(() -> projectRow("hello") != null);
        runFx(() -> workbench.commands().run(dev.whiskstudio.app.workbench.Command.TOGGLE_THEME));
        Path settings = temp.resolve("home/.whisk-studio/settings.json");
        waitUntil(() -> Files.exists(settings) && Files.readString(settings).contains("\"dark\""));
        var remembered = dev.whiskstudio.app.workbench.AppSettings.load(settings.getParent());
        assertEquals(ThemeChoice.DARK, remembered.theme());
        assertEquals(project.toAbsolutePath().normalize(), remembered.lastProject());
        runFx(() -> workbench.commands().run(dev.whiskstudio.app.workbench.Command.TOGGLE_THEME));
        waitUntil(() -> Files.readString(settings).contains("\"light\""));
    }

    // ---------------------------------------------------------------- reading the window

    private Node projectRow(String name) throws Exception {
        return new WindowQueries(robot, workbench).projectRow(name);
    }

    private boolean explorerHas(String label) throws Exception {
        return onFx(() -> contains(workbench.explorer().tree().getRoot(), label));
    }

    private static boolean contains(TreeItem<ExplorerNode> item, String label) {
        if (item == null) {
            return false;
        }
        if (item.getValue() != null && item.getValue().label().equals(label)) {
            return true;
        }
        return item.getChildren().stream().anyMatch(c -> contains(c, label));
    }

    private boolean resultTreeHas(String fragment) throws Exception {
        return onFx(() -> robot.lookup("#invoke-result .tree-cell").queryAll().stream()
                .anyMatch(n -> n instanceof TreeCell<?> c && c.getItem() != null && String.valueOf(c.getText())
                        .contains(fragment) || n.lookupAll(".label").stream()
                        .anyMatch(l -> l instanceof Label lb && lb.getText() != null && lb.getText().contains(fragment))));
    }

    private String text(String query) throws Exception {
        return new WindowQueries(robot, workbench).text(query);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
