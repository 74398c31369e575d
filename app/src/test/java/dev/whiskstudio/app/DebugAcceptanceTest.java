package dev.whiskstudio.app;

import dev.whiskstudio.app.client.SimulatorDebugClient;
import dev.whiskstudio.app.debug.DebugState;
import dev.whiskstudio.app.debug.ui.DebugContext;
import dev.whiskstudio.app.editor.gutter.LineGutter;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import dev.whiskstudio.app.project.ProjectNode;
import dev.whiskstudio.app.workbench.Workbench;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debugging in the real window against its embedded simulator, as a user does it: a breakpoint set in the gutter of
 * the project's file, Debug in the invoke panel, the program stops there with the line highlighted; stepping moves
 * the highlight, the console evaluates in the paused frame, Continue lets the activation finish with its result.
 * "Debug again" runs a recorded activation again with its parameters; a web action called with plain HTTP
 * while a session is on stops at the breakpoint too. Stop ends the session and leaves no debug container.
 */
class DebugAcceptanceTest {
    private static final long STARTUP_SECONDS = 40;
    private static final long DEBUG_SECONDS = 30;

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private WhiskStudioApp app;
    private Workbench workbench;
    private Path project;

    @BeforeEach
    void launch() throws Exception {
        FxToolkit.registerPrimaryStage();
        project = Samples.copy(Samples.MANIFEST_DEMO, temp);
        Path home = Files.createDirectories(temp.resolve("home"));
        AppConfig config = new AppConfig(temp.resolve("simulator"), 0, Profile.OPENWHISK, ThemeChoice.LIGHT)
                .withUserHome(home).withProject(project);
        app = (WhiskStudioApp) FxToolkit.setupApplication(() -> new WhiskStudioApp(config,
                new dev.whiskstudio.app.node.NodeProbe()));
        workbench = onFx(app::workbench);
        waitUntil(STARTUP_SECONDS, () -> workbench.targets().simulatorEntry() != null);
        waitUntil(() -> projectRow("hello") != null && projectRow("shout") != null);
    }

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app.stopped().get(30, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aGutterBreakpointStopsTheDebuggedActionAndTheLineIsShown() throws Exception {
        EditorDocument hello = openFromProject("hello", "src/hello.js");
        robot.clickOn("#breakpoint-area-5");
        waitUntil(() -> hello.breakpoints().contains(5));

        robot.clickOn(projectRow("hello"));
        waitUntil(() -> text("#invoke-action").contains("hello"));
        robot.clickOn("#invoke-params").write("{\"name\": \"tester\"}");
        // the project was never synced: Debug syncs it first, then stops at the breakpoint
        robot.clickOn("#invoke-debug");
        awaitPausedAt(hello, 5);
        assertTrue(onFx(() -> debugTab().isSelected()), "the debugger comes forward");
        assertTrue(text("#debug-status").startsWith("Paused on breakpoint at hello.js:5"), text("#debug-status"));

        // a step moves the highlight; the console evaluates in the paused frame
        robot.press(KeyCode.F10).release(KeyCode.F10);
        awaitPausedAt(hello, 6);
        robot.clickOn("#debug-console-input").write("name + '/' + params.greeting").push(KeyCode.ENTER);
        waitUntil(() -> consoleShows("tester/Hello"));

        // Continue: the activation finishes and the invoke panel shows its result
        robot.press(KeyCode.F8).release(KeyCode.F8);
        waitUntil(DEBUG_SECONDS, () -> text("#invoke-status").toLowerCase().contains("success"));
        waitUntil(() -> executionLine(hello) == -1);
        String activationId = text("#invoke-activation");

        // the recorded activation, debugged again with exactly its parameters
        robot.clickOn("#invoke-activation");
        waitUntil(() -> onFx(() -> !robot.lookup("#activation-details-debug").queryButton().isDisabled()));
        runFxClear("#invoke-params");
        robot.clickOn("#activation-details-debug");
        awaitPausedAt(hello, 5);
        robot.clickOn("#debug-console-input").write("params.name").push(KeyCode.ENTER);
        waitUntil(() -> consoleShows("tester"));
        assertTrue(onFx(() -> workbench.invokePanel().editor().getText()).contains("\"tester\""),
                "the invoke panel shows the replayed input");

        // Stop: the session ends, the paused activation with it, and no debug container is left
        robot.clickOn("#debug-stop");
        waitUntil(DEBUG_SECONDS, () -> onFx(() -> context().stateProperty().get()) == DebugState.ENDED);
        waitUntil(() -> executionLine(hello) == -1);
        try (SimulatorDebugClient client = new SimulatorDebugClient(simulatorApiHost(), Credential.GUEST.auth())) {
            waitUntil(() -> client.list("_").isEmpty());
        }
        assertTrue(!activationId.isBlank());
    }

    @Test
    void aWebActionCalledOverHttpWhileASessionIsOnStopsAtTheBreakpoint() throws Exception {
        EditorDocument shout = openFromProject("shout", "src/shout.js");
        robot.clickOn("#breakpoint-area-6");
        waitUntil(() -> shout.breakpoints().contains(6));
        robot.clickOn(projectRow("shout"));
        waitUntil(() -> text("#invoke-action").contains("shout"));
        robot.clickOn("#invoke-params").write("{\"message\": \"from the panel\"}");
        robot.clickOn("#invoke-debug");
        awaitPausedAt(shout, 6);
        robot.press(KeyCode.F8).release(KeyCode.F8);
        waitUntil(DEBUG_SECONDS, () -> text("#invoke-status").toLowerCase().contains("success"));

        // the session is still on: a browser's (here plain HTTP) call of the web action stops there too
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(simulatorApiHost() + "/api/v1/web/guest/demo/shout.json?message=curl"))
                .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        awaitPausedAt(shout, 6);
        robot.clickOn("#debug-console-input").write("params.__ow_method").push(KeyCode.ENTER);
        waitUntil(() -> consoleShows("get"));
        robot.clickOn("#debug-continue");
        HttpResponse<String> answer = response.get(DEBUG_SECONDS, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("CURL"), answer.body());

        robot.clickOn("#debug-stop");
        waitUntil(DEBUG_SECONDS, () -> onFx(() -> context().stateProperty().get()) == DebugState.ENDED);
    }

    @Test
    void debuggingAgainReusesTheSessionUntilTheCodeChangesThenStartsANewOne() throws Exception {
        EditorDocument hello = openFromProject("hello", "src/hello.js");
        robot.clickOn("#breakpoint-area-5");
        waitUntil(() -> hello.breakpoints().contains(5));
        robot.clickOn(projectRow("hello"));
        waitUntil(() -> text("#invoke-action").contains("hello"));
        robot.clickOn("#invoke-debug");
        awaitPausedAt(hello, 5);
        var first = onFx(() -> context().currentSession().orElseThrow());
        robot.press(KeyCode.F8).release(KeyCode.F8);
        waitUntil(DEBUG_SECONDS, () -> text("#invoke-status").toLowerCase().contains("success"));

        // the same code: the same session (and container) stops again
        robot.clickOn("#invoke-debug");
        awaitPausedAt(hello, 5);
        assertTrue(onFx(() -> context().currentSession().orElseThrow()) == first, "the session goes on");
        robot.press(KeyCode.F8).release(KeyCode.F8);
        waitUntil(DEBUG_SECONDS, () -> text("#invoke-status").toLowerCase().contains("success"));

        // an edit, saved: Debug syncs it and debugs the new code in a new session
        onFx(() -> {
            hello.editor().area().insertText(5, 0, "  params.debugged = true;\n");
            return null;
        });
        robot.clickOn("#invoke-debug");
        awaitPausedAt(hello, 5);
        assertTrue(onFx(() -> context().currentSession().orElseThrow()) != first, "a new session for the new code");
        assertEquals(DebugState.ENDED, onFx(first::state));
        robot.clickOn("#debug-console-input").write("typeof params.debugged").push(KeyCode.ENTER);
        waitUntil(() -> consoleShows("undefined"));
        robot.press(KeyCode.F10).release(KeyCode.F10);
        awaitPausedAt(hello, 6);
        robot.press(KeyCode.F10).release(KeyCode.F10);
        awaitPausedAt(hello, 7);
        robot.clickOn("#debug-console-input").write("params.debugged").push(KeyCode.ENTER);
        waitUntil(() -> consoleShows("true"));
        robot.clickOn("#debug-stop");
        waitUntil(DEBUG_SECONDS, () -> onFx(() -> context().stateProperty().get()) == DebugState.ENDED);
    }

    @Test
    void stoppingADebugThatIsStillStartingLeavesNoSessionBehind() throws Exception {
        robot.clickOn(projectRow("hello"));
        waitUntil(() -> text("#invoke-action").contains("hello"));
        // Debug syncs the project first: Stop comes while it does
        onFx(() -> {
            workbench.commands().run(dev.whiskstudio.app.workbench.Command.DEBUG);
            workbench.commands().run(dev.whiskstudio.app.workbench.Command.STOP_DEBUG);
            return null;
        });
        try (SimulatorDebugClient client = new SimulatorDebugClient(simulatorApiHost(), Credential.GUEST.auth())) {
            // whatever got started is ended: no session stays on, nothing was invoked, Debug works again
            waitUntil(DEBUG_SECONDS, () -> client.list("_").isEmpty()
                    && onFx(() -> !workbench.commands().item(dev.whiskstudio.app.workbench.Command.DEBUG).isDisable()));
            assertTrue(onFx(() -> !workbench.invokePanel().runningProperty().get()));
        }
        EditorDocument hello = openFromProject("hello", "src/hello.js");
        robot.clickOn("#breakpoint-area-5");
        robot.clickOn(projectRow("hello"));
        robot.clickOn("#invoke-debug");
        awaitPausedAt(hello, 5);
        robot.clickOn("#debug-stop");
        waitUntil(DEBUG_SECONDS, () -> onFx(() -> context().stateProperty().get()) == DebugState.ENDED);
    }

    // ---------------------------------------------------------------- reading the window

    private EditorDocument openFromProject(String action, String file) throws Exception {
        Path path = project.resolve(file);
        robot.doubleClickOn(projectRow(action));
        waitUntil(() -> workbench.editors().currentDocument().map(d -> d.path().equals(path)).orElse(false));
        return onFx(() -> workbench.editors().currentDocument().orElseThrow());
    }

    private void awaitPausedAt(EditorDocument document, int line) throws Exception {
        try {
            waitUntil(DEBUG_SECONDS, () -> onFx(() -> context().pausedProperty().get() != null
                    && context().pausedProperty().get().location().map(l -> l.line() == line).orElse(false)));
            waitUntil(() -> executionLine(document) == line);
        } catch (Exception | AssertionError e) {
            throw new AssertionError("not paused at line " + line + "; status: " + text("#debug-status")
                    + "; message: " + text("#workbench-message") + "; invoke: " + text("#invoke-message"), e);
        }
    }

    private DebugContext context() {
        return workbench.debugPanel().context();
    }

    private Tab debugTab() {
        return workbench.activations().getTabs().stream().filter(t -> "debug-tab".equals(t.getId()))
                .findFirst().orElseThrow();
    }

    private int executionLine(EditorDocument document) throws Exception {
        return onFx(() -> document.editor().feature(LineGutter.class).orElseThrow().executionLineProperty().get());
    }

    private boolean consoleShows(String fragment) throws Exception {
        return onFx(() -> ((ListView<?>) robot.lookup("#debug-console").query()).getItems().stream()
                .anyMatch(e -> e.toString().contains(fragment)));
    }

    private void runFxClear(String query) throws Exception {
        onFx(() -> {
            workbench.invokePanel().editor().setText("");
            return null;
        });
    }

    private String simulatorApiHost() throws Exception {
        return onFx(() -> workbench.targets().simulatorEntry().apiHost());
    }

    private Node projectRow(String name) throws Exception {
        return new WindowQueries(robot, workbench).projectRow(name);
    }

    private String text(String query) throws Exception {
        return new WindowQueries(robot, workbench).text(query);
    }
}
