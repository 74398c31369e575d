package dev.whiskstudio.app.invoke;

import dev.whiskstudio.app.ThemeChoice;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.explorer.LiveSimulator;
import dev.whiskstudio.app.explorer.TargetClients;
import dev.whiskstudio.app.json.JsonRow;
import dev.whiskstudio.sim.config.Credential;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.runFx;
import static dev.whiskstudio.app.explorer.FxSupport.waitUntil;
import static dev.whiskstudio.app.explorer.LiveSimulator.GUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invoke panel in a headless window against a real simulator running the actions in Node.js. */
class InvokePanelTest {
    private static final String GREET = """
            function main(p) {
              console.log('greeting ' + p.name);
              return { payload: 'Hello, ' + p.name, tags: ['a', 'b'] };
            }""";

    @TempDir
    Path tempDir;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService executor = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "invoke-test-work");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Target> target = new AtomicReference<>();
    private final List<String> openedActivations = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private LiveSimulator sim;
    private Path store;
    private InvokePanel panel;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        Application.setUserAgentStylesheet(ThemeChoice.LIGHT.userAgentStylesheet());
        sim = LiveSimulator.start(tempDir.resolve("sim"));
        target.set(sim.target());
        store = tempDir.resolve("config").resolve("inputs.json");
        sim.action("greet", GREET);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
        executor.shutdownNow();
        sim.close();
        assertTrue(executor.awaitTermination(40, TimeUnit.SECONDS), "background work ends");
    }

    private void showPanel(ActionRef action) throws Exception {
        TargetClients clients = new TargetClients();
        closeAfter.add(clients);
        FxToolkit.setupSceneRoot(() -> {
            panel = new InvokePanel(target::get, executor, clients, new InputHistory(store, executor),
                    new TextAreaParamsEditor());
            panel.setPrefSize(640, 720);
            panel.setOnOpenActivation(openedActivations::add);
            panel.setAction(action);
            return panel;
        });
        FxToolkit.showStage();
    }

    private static ActionRef action(String name) {
        return new ActionRef(GUEST, null, name);
    }

    @Test
    void validParametersRunAndShowTheResultColdThenWarm() throws Exception {
        showPanel(action("greet"));
        typeParams("{\"name\": \"ada\"}");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);

        waitUntil(() -> text("#invoke-status").equals("Success"));
        assertTrue(onFx(() -> robot.lookup("#invoke-status").query().getStyleClass().contains("invoke-status-success")));
        assertTrue(text("#invoke-start").matches("Cold start, init \\d+ ms"), text("#invoke-start"));
        assertTrue(text("#invoke-duration").matches("\\d+ ms"), text("#invoke-duration"));
        assertTrue(text("#invoke-wait").matches("waited \\d+ ms"), text("#invoke-wait"));
        String firstId = link();
        assertTrue(firstId.matches("[0-9a-f]{32}"), firstId);
        assertEquals("\"Hello, ada\"", resultValue("$.payload"));
        assertEquals("[\"a\",\"b\"]", resultValue("$.tags"));
        waitUntil(() -> logs().contains("stdout: greeting ada"));

        robot.clickOn("#invoke-run");
        waitUntil(() -> !link().isEmpty() && !link().equals(firstId) && text("#invoke-status").equals("Success"));
        assertEquals("Warm start", text("#invoke-start"));

        robot.clickOn("#invoke-activation");
        waitUntil(() -> openedActivations.size() == 1);
        assertEquals(link(), openedActivations.get(0));
    }

    @Test
    void invalidJsonDisablesRunWithTheParsersMessage() throws Exception {
        showPanel(action("greet"));
        typeParams("{\"name\": }");
        waitUntil(() -> text("#invoke-params-problem").startsWith("Invalid JSON. Line 1, column 10: "));
        assertTrue(runDisabled());
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        assertEquals("", text("#invoke-status"));

        replaceParams("[1, 2]");
        waitUntil(() -> text("#invoke-params-problem")
                .equals("The parameters must be a JSON object ({ \"name\": value, … }), not an array."));
        assertTrue(runDisabled());

        replaceParams("");
        waitUntil(() -> text("#invoke-params-problem").isEmpty());
        assertFalse(runDisabled());
        robot.clickOn("#invoke-run");
        waitUntil(() -> text("#invoke-status").equals("Success"));
        assertEquals("\"Hello, undefined\"", resultValue("$.payload"));
    }

    @Test
    void anActionReturningAnErrorIsAnApplicationError() throws Exception {
        sim.action("fails", "function main() { return { error: 'no luck' }; }");
        showPanel(action("fails"));
        robot.clickOn("#invoke-run");
        waitUntil(() -> text("#invoke-status").equals("Application error"));
        assertTrue(onFx(() -> robot.lookup("#invoke-status").query().getStyleClass()
                .contains("invoke-status-application-error")));
        assertEquals("\"no luck\"", resultValue("$.error"));
    }

    @Test
    void aCrashIsADeveloperError() throws Exception {
        sim.action("crashes", "function main() { return 42; }");
        showPanel(action("crashes"));
        robot.clickOn("#invoke-run");
        waitUntil(() -> text("#invoke-status").equals("Developer error"));
        assertEquals("\"The action did not return a dictionary.\"", resultValue("$.error"));
    }

    @Test
    void nonBlockingShowsTheIdFirstThenTheResult() throws Exception {
        sim.action("slow", "function main() { return new Promise(r => setTimeout(() => r({ done: true }), 1500)); }");
        showPanel(action("slow"));
        List<String> messages = new CopyOnWriteArrayList<>();
        runFx(() -> robot.lookup("#invoke-message").queryAs(Label.class).textProperty()
                .addListener((obs, old, now) -> messages.add(now)));

        robot.clickOn("#invoke-nonblocking");
        robot.clickOn("#invoke-run");
        waitUntil(() -> text("#invoke-status").equals("Success"));
        assertEquals("true", resultValue("$.done"));
        String id = link();
        assertTrue(messages.contains("Accepted (202). Waiting for activation " + id + " to finish…"), messages.toString());
    }

    @Test
    void cancelStopsWaitingAndSaysTheActivationGoesOn() throws Exception {
        sim.action("slower", "function main() { return new Promise(r => setTimeout(() => r({ done: true }), 4000)); }");
        showPanel(action("slower"));
        robot.clickOn("#invoke-run");
        waitUntil(() -> robot.lookup("#invoke-cancel").query().isVisible());
        assertTrue(runDisabled());
        robot.clickOn("#invoke-cancel");
        waitUntil(() -> text("#invoke-message").equals("Stopped waiting. The activation itself goes on on the target."));
        assertFalse(runDisabled());
        assertFalse(onFx(() -> robot.lookup("#invoke-cancel").query().isVisible()));
    }

    @Test
    void rememberedInputsComeBackInANewPanelWithTheSameStore() throws Exception {
        showPanel(action("greet"));
        typeParams("{\"name\": \"ada\"}");
        robot.clickOn("#invoke-run");
        waitUntil(() -> text("#invoke-status").equals("Success"));
        replaceParams("{\"name\": \"bob\"}");
        robot.clickOn("#invoke-run");
        waitUntil(() -> panel.rememberedInputs().equals(List.of("{\"name\": \"bob\"}", "{\"name\": \"ada\"}")));
        waitUntil(() -> Files.exists(store) && Files.readString(store).contains("bob"));

        FxToolkit.cleanupStages();
        showPanel(action("greet"));
        waitUntil(() -> panel.rememberedInputs().equals(List.of("{\"name\": \"bob\"}", "{\"name\": \"ada\"}")));
        assertEquals("{\"name\": \"bob\"}", params());

        robot.clickOn("#invoke-history");
        robot.clickOn("{\"name\": \"ada\"}");
        waitUntil(() -> params().equals("{\"name\": \"ada\"}"));
    }

    @Test
    void switchingActionsKeepsWhatWasTyped() throws Exception {
        sim.action("other", "function main() { return {}; }");
        showPanel(action("greet"));
        typeParams("{\"draft\": 1");
        runFx(() -> panel.setAction(action("other")));
        assertEquals("", params());
        runFx(() -> panel.setAction(action("greet")));
        assertEquals("{\"draft\": 1", params());
    }

    @Test
    void failuresAreShownInWordsAndTheInputIsKept() throws Exception {
        showPanel(action("missing"));
        typeParams("{\"name\": \"ada\"}");
        robot.clickOn("#invoke-run");
        waitUntil(() -> text("#invoke-message")
                .equals("Not found on the target (404): The requested resource does not exist."));
        assertEquals("{\"name\": \"ada\"}", params());

        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        target.set(new Target("gone", "http://127.0.0.1:" + port, Credential.GUEST.auth()));
        robot.clickOn("#invoke-run");
        waitUntil(() -> text("#invoke-message").startsWith("Could not connect to http://127.0.0.1:" + port));
        assertEquals("{\"name\": \"ada\"}", params());
    }

    @Test
    void throttlingShowsThePlatformsMessage() throws Exception {
        LiveSimulator strict = LiveSimulator.start(tempDir.resolve("strict"), 0,
                c -> c.withLimits(c.limits().withInvocationsPerMinute(1)));
        closeAfter.add(strict);
        strict.action("greet", GREET);
        target.set(strict.target());
        showPanel(action("greet"));
        robot.clickOn("#invoke-run");
        waitUntil(() -> text("#invoke-status").equals("Success"));
        robot.clickOn("#invoke-run");
        waitUntil(() -> text("#invoke-message").matches("The target is throttling this namespace \\(429\\): "
                + "Too many requests in the last minute \\(count: \\d+, allowed: 1\\)\\."));
        assertEquals("", text("#invoke-status"));
    }

    // ---- helpers ----

    private void typeParams(String json) {
        robot.clickOn("#invoke-params").write(json);
    }

    private void replaceParams(String json) throws Exception {
        runFx(() -> robot.lookup("#invoke-params").queryAs(TextArea.class).clear());
        if (!json.isEmpty()) {
            typeParams(json);
        }
    }

    private String params() throws Exception {
        return onFx(() -> robot.lookup("#invoke-params").queryAs(TextArea.class).getText());
    }

    private String logs() throws Exception {
        return onFx(() -> robot.lookup("#invoke-logs").queryAs(TextArea.class).getText());
    }

    private boolean runDisabled() throws Exception {
        return onFx(() -> robot.lookup("#invoke-run").queryAs(Button.class).isDisabled());
    }

    private String link() throws Exception {
        return onFx(() -> {
            Hyperlink link = robot.lookup("#invoke-activation").queryAs(Hyperlink.class);
            return link.isVisible() ? link.getText() : "";
        });
    }

    private String text(String id) throws Exception {
        return onFx(() -> {
            Label label = robot.lookup(id).queryAs(Label.class);
            return label.isVisible() ? label.getText() : "";
        });
    }

    /** The value of a row of the result tree, found by its JSONPath, as JSON text; null when there is no such row. */
    private String resultValue(String path) throws Exception {
        return onFx(() -> {
            TreeItem<JsonRow> row = find(panel.resultView().getRoot(), path);
            return row == null ? null : ((JsonRow.Value) row.getValue()).value().toString();
        });
    }

    private static TreeItem<JsonRow> find(TreeItem<JsonRow> at, String path) {
        if (at == null) {
            return null;
        }
        if (at.getValue() instanceof JsonRow.Value v && v.path().equals(path)) {
            return at;
        }
        for (TreeItem<JsonRow> child : at.getChildren()) {
            TreeItem<JsonRow> found = find(child, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
