package dev.whiskstudio.app.explorer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.ThemeChoice;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.explorer.ExplorerNode.ActionNode;
import dev.whiskstudio.app.explorer.ExplorerNode.PackageNode;
import dev.whiskstudio.app.explorer.ExplorerNode.RuleNode;
import dev.whiskstudio.sim.config.Credential;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.openContextMenu;
import static dev.whiskstudio.app.explorer.FxSupport.runFx;
import static dev.whiskstudio.app.explorer.FxSupport.waitUntil;
import static dev.whiskstudio.app.explorer.LiveSimulator.GUEST;
import static dev.whiskstudio.app.explorer.LiveSimulator.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer in a headless window against a real simulator, driven with the robot and answering real dialogs. */
class EntityExplorerTest {
    private static final String HELLO = "function main(params) { return { payload: 'hello' }; }";

    @TempDir
    Path tempDir;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "explorer-test-work");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Target> target = new AtomicReference<>();
    private final List<ActionRef> opened = new CopyOnWriteArrayList<>();
    private final List<ActionRef> invoked = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private LiveSimulator sim;
    private EntityExplorer explorer;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        Application.setUserAgentStylesheet(ThemeChoice.LIGHT.userAgentStylesheet());
        sim = LiveSimulator.start(tempDir.resolve("sim"));
        target.set(sim.target());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        executor.shutdownNow();
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
        sim.close();
        assertTrue(executor.awaitTermination(40, TimeUnit.SECONDS), "background work ends");
    }

    private void showExplorer() throws Exception {
        TargetClients clients = new TargetClients();
        closeAfter.add(clients);
        FxToolkit.setupSceneRoot(() -> {
            explorer = new EntityExplorer(target::get, executor, clients, null);
            explorer.setPrefSize(480, 700);
            explorer.setOnOpenAction(opened::add);
            explorer.setOnInvokeAction(invoked::add);
            return explorer;
        });
        FxToolkit.showStage();
        runFx(explorer::refresh);
    }

    /** A package, a shared one, a binding, plain, sequence and web actions, a trigger and two rules. */
    private void seed() throws IOException {
        OpenWhiskClient client = sim.client();
        client.putPackage(GUEST, "tools", JSON.createObjectNode(), false);
        client.putPackage(GUEST, "library", JSON.createObjectNode().put("publish", true), false);
        ObjectNode binding = JSON.createObjectNode();
        binding.putObject("binding").put("namespace", GUEST).put("name", "tools");
        client.putPackage(GUEST, "tools-bound", binding, false);
        sim.action("tools/greet", "function main(p) { return { payload: 'hi ' + p.name }; }");
        sim.action("hello", HELLO);
        ObjectNode sequence = JSON.createObjectNode();
        sequence.putObject("exec").put("kind", "sequence").putArray("components").add("/guest/tools/greet").add("/guest/hello");
        client.put(GUEST, EntityCollection.ACTIONS, "pipeline", sequence, false);
        ObjectNode web = LiveSimulator.nodeAction(HELLO);
        web.putArray("annotations").addObject().put("key", "web-export").put("value", true);
        client.put(GUEST, EntityCollection.ACTIONS, "page", web, false);
        client.put(GUEST, EntityCollection.TRIGGERS, "tick", JSON.createObjectNode(), false);
        client.put(GUEST, EntityCollection.RULES, "on-tick",
                JSON.createObjectNode().put("trigger", "/guest/tick").put("action", "/guest/hello"), false);
        client.put(GUEST, EntityCollection.RULES, "paused",
                JSON.createObjectNode().put("trigger", "/guest/tick").put("action", "/guest/page"), false);
        client.setRuleActive(GUEST, "paused", false);
    }

    @Test
    void showsTheNamespaceWithPackagesBindingsActionsTriggersAndRules() throws Exception {
        seed();
        showExplorer();

        expand("ns:guest");
        waitFor("group:guest/RULES");
        assertEquals(List.of("library", "tools", "tools-bound", "hello", "page", "pipeline", "Triggers", "Rules"),
                onFx(() -> labels(item("ns:guest"))));

        assertEquals(List.of("tools-bound", "→ /guest/tools"), rowTexts("pkg:guest/tools-bound"));
        assertEquals("icon-package-binding", rowIcon("pkg:guest/tools-bound"));
        assertEquals(List.of("library", "shared"), rowTexts("pkg:guest/library"));
        assertEquals("icon-package", rowIcon("pkg:guest/tools"));
        assertEquals(List.of("tools"), rowTexts("pkg:guest/tools"));
        assertEquals(List.of("pipeline", "sequence"), rowTexts("action:/guest/pipeline"));
        assertEquals("icon-sequence", rowIcon("action:/guest/pipeline"));
        assertEquals(List.of("page", "web", "nodejs:20"), rowTexts("action:/guest/page"));
        assertEquals("icon-web-action", rowIcon("action:/guest/page"));
        assertEquals(List.of("hello", "nodejs:20"), rowTexts("action:/guest/hello"));
        assertEquals("icon-action", rowIcon("action:/guest/hello"));

        expand("pkg:guest/tools");
        waitFor("action:/guest/tools/greet");
        expand("pkg:guest/tools-bound");
        ActionNode viaBinding = (ActionNode) waitFor("action:/guest/tools-bound/greet").getValue();
        assertTrue(viaBinding.viaBinding());

        expand("group:guest/TRIGGERS");
        waitFor("trigger:/guest/tick");
        expand("group:guest/RULES");
        waitFor("rule:/guest/paused");
        assertEquals(List.of("on-tick", "active"), rowTexts("rule:/guest/on-tick"));
        assertEquals(List.of("paused", "inactive"), rowTexts("rule:/guest/paused"));
        RuleNode rule = (RuleNode) onFx(() -> item("rule:/guest/on-tick").getValue());
        assertEquals("/guest/tick", rule.trigger());
        assertEquals("/guest/hello", rule.action());
    }

    @Test
    void refreshPicksUpANewActionAndKeepsWhatWasOpenAndSelected() throws Exception {
        seed();
        showExplorer();
        expand("ns:guest");
        expand(waitFor("pkg:guest/tools").getValue().key());
        robot.clickOn(cell("action:/guest/tools/greet"));

        sim.action("tools/added", HELLO);
        robot.push(KeyCode.F5);

        waitFor("action:/guest/tools/added");
        assertTrue(onFx(() -> item("pkg:guest/tools").isExpanded()));
        waitUntil(() -> explorer.selectedNode().map(ExplorerNode::key).orElse("").equals("action:/guest/tools/greet"));
        waitUntil(() -> !explorer.busyProperty().get());
    }

    @Test
    void deleteAsksFirstAndCancelKeepsTheAction() throws Exception {
        seed();
        sim.action("scratch", HELLO);
        showExplorer();
        expand("ns:guest");
        robot.clickOn(cell("action:/guest/scratch"));

        robot.push(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        assertTrue(onFx(() -> robot.lookup("#confirm-dialog .content").queryAs(Label.class).getText())
                .contains("/guest/scratch"));
        robot.clickOn("#dialog-cancel");
        waitUntil(() -> text("#explorer-status").equals("Nothing was deleted."));
        assertEquals("scratch", sim.get(EntityCollection.ACTIONS, "scratch").get("name").asText());
        assertNotNull(onFx(() -> item("action:/guest/scratch")));

        robot.clickOn(cell("action:/guest/scratch"));
        robot.push(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        robot.clickOn("#dialog-ok");
        waitUntil(() -> item("action:/guest/scratch") == null && item("action:/guest/hello") != null);
        OpenWhiskException gone = assertThrows(OpenWhiskException.class,
                () -> sim.get(EntityCollection.ACTIONS, "scratch"));
        assertEquals(404, gone.status());
        assertEquals("Deleted action /guest/scratch.", text("#explorer-status"));
    }

    @Test
    void renameMovesTheCodeAndRefusesATakenName() throws Exception {
        seed();
        String code = "function main() { return { payload: 'moved' }; }";
        sim.action("tools/old-name", code);
        showExplorer();
        expand("ns:guest");
        expand(waitFor("pkg:guest/tools").getValue().key());

        openContextMenu(robot, cell("action:/guest/tools/old-name"));
        robot.clickOn("Rename…");
        replaceName("greet");
        robot.clickOn("#dialog-ok");
        waitUntil(() -> text("#explorer-problem-text").equals("An action named tools/greet already exists in guest."));
        assertEquals(code, sim.get(EntityCollection.ACTIONS, "tools/old-name").at("/exec/code").asText());
        assertFalse(onFx(() -> robot.lookup("#explorer-retry").query().isVisible()), "no retry for a refusal");

        openContextMenu(robot, cell("action:/guest/tools/old-name"));
        robot.clickOn("Rename…");
        replaceName("new-name");
        robot.clickOn("#dialog-ok");
        waitFor("action:/guest/tools/new-name");
        waitUntil(() -> item("action:/guest/tools/old-name") == null);
        assertEquals(code, sim.get(EntityCollection.ACTIONS, "tools/new-name").at("/exec/code").asText());
        assertEquals(404, assertThrows(OpenWhiskException.class,
                () -> sim.get(EntityCollection.ACTIONS, "tools/old-name")).status());
        waitUntil(() -> explorer.selectedNode().map(ExplorerNode::key).orElse("").equals("action:/guest/tools/new-name"));
    }

    @Test
    void copyWebUrlPutsTheActionsWebAddressOnTheClipboard() throws Exception {
        seed();
        showExplorer();
        expand("ns:guest");
        openContextMenu(robot, cell("action:/guest/page"));
        robot.clickOn("Copy web URL");
        String expected = sim.apiHost() + "/api/v1/web/guest/default/page";
        waitUntil(() -> expected.equals(Clipboard.getSystemClipboard().getString()));
        assertEquals("Copied " + expected, text("#explorer-status"));
    }

    @Test
    void newActionDialogChecksTheNameThenCreatesAndOpensTheStarter() throws Exception {
        seed();
        showExplorer();
        expand("ns:guest");
        waitFor("pkg:guest/tools");
        openContextMenu(robot, cell("ns:guest"));
        robot.clickOn("New action…");
        waitUntil(() -> robot.lookup("#dialog-name").tryQuery().isPresent());
        robot.clickOn("#dialog-name").write("bad/name");
        waitUntil(() -> !text("#dialog-problem").isEmpty());
        assertTrue(onFx(() -> robot.lookup("#dialog-ok").queryAs(Button.class).isDisabled()));
        replaceName("fresh");
        waitUntil(() -> text("#dialog-problem").isEmpty());
        robot.clickOn("#dialog-ok");

        waitFor("action:/guest/fresh");
        waitUntil(() -> opened.equals(List.of(new ActionRef(GUEST, null, "fresh"))));
        var created = sim.get(EntityCollection.ACTIONS, "fresh");
        assertEquals("nodejs:20", created.at("/exec/kind").asText());
        assertTrue(created.at("/exec/code").asText().contains("function main(params)"));
        assertTrue(created.at("/exec/code").asText().contains("payload"));
    }

    @Test
    void doubleClickOpensAndInvokeHandsTheActionOver() throws Exception {
        seed();
        showExplorer();
        expand("ns:guest");
        robot.doubleClickOn(cell("action:/guest/hello"));
        waitUntil(() -> opened.equals(List.of(new ActionRef(GUEST, null, "hello"))));
        openContextMenu(robot, cell("action:/guest/pipeline"));
        robot.clickOn("Invoke…");
        waitUntil(() -> invoked.equals(List.of(new ActionRef(GUEST, null, "pipeline"))));
    }

    @Test
    void firesATriggerAndDisablesARule() throws Exception {
        seed();
        showExplorer();
        expand("ns:guest");
        expand(waitFor("group:guest/TRIGGERS").getValue().key());
        expand("group:guest/RULES");
        waitFor("rule:/guest/on-tick");

        openContextMenu(robot, cell("trigger:/guest/tick"));
        robot.clickOn("Fire");
        waitUntil(() -> text("#explorer-status").matches("Fired tick: activation [0-9a-f]{32}\\."));

        openContextMenu(robot, cell("rule:/guest/on-tick"));
        robot.clickOn("Disable");
        waitUntil(() -> rowTextsNow("rule:/guest/on-tick").equals(List.of("on-tick", "inactive")));
        assertEquals("inactive", sim.get(EntityCollection.RULES, "on-tick").get("status").asText());

        openContextMenu(robot, cell("trigger:/guest/tick"));
        robot.clickOn("Fire");
        // the other rule was inactive from the start: nothing takes the event now
        waitUntil(() -> text("#explorer-status").equals("Fired tick: no active rule took the event."));
    }

    @Test
    void anUnreachableTargetSaysSoAndRetryLoadsOnceTheSimulatorIsThere() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        target.set(new Target("later", "http://127.0.0.1:" + port, Credential.GUEST.auth()));
        showExplorer();

        waitUntil(() -> robot.lookup("#explorer-problem").query().isVisible());
        String problem = text("#explorer-problem-text");
        assertTrue(problem.startsWith("Could not load the namespaces of later. Could not connect to http://127.0.0.1:" + port),
                problem);
        assertFalse(onFx(() -> explorer.busyProperty().get()));

        LiveSimulator later = LiveSimulator.start(tempDir.resolve("later"), port, c -> c);
        closeAfter.add(later);
        robot.clickOn("#explorer-retry");
        waitFor("ns:guest");
        assertFalse(onFx(() -> robot.lookup("#explorer-problem").query().isVisible()));
    }

    @Test
    void aWrongKeyIsNamedAsSuch() throws Exception {
        target.set(new Target("wrong key", sim.apiHost(), Credential.GUEST.auth().replaceFirst(":.", ":X")));
        showExplorer();
        waitUntil(() -> text("#explorer-problem-text").contains("(401)"));
        assertEquals("Could not load the namespaces of wrong key. The target did not accept the key (401): "
                + "The supplied authentication is invalid.", text("#explorer-problem-text"));
    }

    @Test
    void aHungTargetShowsProgressAndCanBeCancelled() throws Exception {
        // a listening socket that never answers: the load waits until it is cancelled
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closeAfter.add(0, silent);
        target.set(new Target("silent", "http://127.0.0.1:" + silent.getLocalPort(), Credential.GUEST.auth()));
        showExplorer();

        waitUntil(() -> robot.lookup("#explorer-progress").query().isVisible());
        assertEquals("Loading the namespaces of silent…", text("#explorer-progress-text"));
        robot.clickOn("#explorer-cancel");
        waitUntil(() -> !robot.lookup("#explorer-progress").query().isVisible());
        assertEquals("Loading the namespaces of silent was cancelled.", text("#explorer-status"));
    }

    // ---- helpers ----

    private void replaceName(String name) throws Exception {
        TextField field = robot.lookup("#dialog-name").queryAs(TextField.class);
        runFx(field::clear);
        robot.clickOn(field).write(name);
    }

    /** Opens a row the way a user does: select it, press the right arrow. */
    private void expand(String key) throws Exception {
        robot.clickOn(cell(key));
        robot.push(KeyCode.RIGHT);
    }

    private TreeItem<ExplorerNode> waitFor(String key) throws Exception {
        waitUntil(() -> item(key) != null);
        return onFx(() -> item(key));
    }

    private TreeItem<ExplorerNode> item(String key) {
        return find(explorer.tree().getRoot(), key);
    }

    private static TreeItem<ExplorerNode> find(TreeItem<ExplorerNode> at, String key) {
        if (at.getValue().key().equals(key)) {
            return at;
        }
        for (TreeItem<ExplorerNode> child : at.getChildren()) {
            TreeItem<ExplorerNode> found = find(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<String> labels(TreeItem<ExplorerNode> item) {
        return item.getChildren().stream().map(c -> c.getValue().label()).toList();
    }

    private TreeCell<?> cell(String key) throws Exception {
        waitUntil(() -> cellNow(key).isPresent());
        return onFx(() -> cellNow(key).orElseThrow());
    }

    private Optional<TreeCell<?>> cellNow(String key) {
        return robot.lookup(".tree-cell").<TreeCell<?>>queryAll().stream()
                .filter(c -> c.isVisible() && c.getItem() instanceof ExplorerNode n && n.key().equals(key)).findFirst();
    }

    /** The name and the marks of a row, as shown. */
    private List<String> rowTexts(String key) throws Exception {
        cell(key);
        return onFx(() -> rowTextsNow(key));
    }

    private List<String> rowTextsNow(String key) {
        return cellNow(key).map(c -> robot.from(c).lookup(".label").<Label>queryAll().stream()
                .filter(l -> l.getStyleClass().contains("explorer-name") || l.getStyleClass().contains("explorer-mark"))
                .map(Label::getText).toList()).orElse(List.of());
    }

    private String rowIcon(String key) throws Exception {
        TreeCell<?> cell = cell(key);
        return onFx(() -> robot.from(cell).lookup(".icon-shape").<Node>query().getStyleClass().stream()
                .filter(c -> c.startsWith("icon-") && !c.equals("icon-shape")).findFirst().orElse(""));
    }

    private String text(String id) throws Exception {
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }
}
