package dev.whiskstudio.app.deploy.ui;

import dev.whiskstudio.app.ThemeChoice;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.deploy.DeployScope;
import dev.whiskstudio.app.deploy.Deployer;
import dev.whiskstudio.app.deploy.RetryPolicy;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import dev.whiskstudio.app.workspace.targets.UserTargets;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deploy dialog in a headless window: preview rows, Deploy, progress to done, a no-op refresh, Cancel. */
class DeployDialogTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path projects;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "deploy-dialog-test");
        t.setDaemon(true);
        return t;
    });
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private Project project;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        Application.setUserAgentStylesheet(ThemeChoice.LIGHT.userAgentStylesheet());
        Path folder = projects.resolve("shop");
        Samples.write(folder, "a.js", "function main() { return { a: 1 }; }");
        Samples.write(folder, "manifest.yml", """
                packages:
                  shop:
                    inputs: {region: eu}
                    actions:
                      a: {function: a.js}
                      b: {function: a.js}
                      c: {function: a.js}
                    sequences:
                      ab: {actions: "a, b"}
                """);
        project = ProjectLoader.load(folder);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS), "background work ends");
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
    }

    private void open(TargetEntry target, RetryPolicy policy) throws Exception {
        DeployRequest request = new DeployRequest(project, DeployScope.project(), List.of(target), executor, Map.of(),
                null, t -> Deployer.open(t, policy, List.of()));
        FxToolkit.setupFixture(() -> DeployDialog.show(null, request));
    }

    private String text(String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private List<String> column(int index) throws Exception {
        return onFx(() -> {
            TableView<DeployRow> table = robot.lookup("#deploy-table").queryAs(TableView.class);
            List<String> values = new ArrayList<>();
            for (DeployRow row : table.getItems()) {
                values.add(switch (index) {
                    case 0 -> row.kind();
                    case 1 -> row.name();
                    case 2 -> row.change();
                    default -> row.status();
                });
            }
            return values;
        });
    }

    private boolean disabled(String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Button.class).isDisabled());
    }

    @Test
    void previewThenDeployWithProgressToDoneThenNothingLeftToDo() throws Exception {
        Simulator sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        closeAfter.add(sim);
        open(TargetEntry.of(new Target("cluster", sim.apiHost(), Credential.GUEST.auth()), null, TargetSource.USER,
                null), RetryPolicy.DEFAULT);

        waitUntil(() -> text("#deploy-counts").equals("5 create, 0 update, 0 unchanged, 0 delete"));
        assertEquals(List.of("package", "action", "action", "action", "sequence"), column(0));
        assertEquals(List.of("shop", "shop/a", "shop/b", "shop/c", "shop/ab"), column(1));
        assertEquals(List.of("create", "create", "create", "create", "create"), column(2));
        assertTrue(onFx(() -> robot.lookup("#deploy-target").query().getScene().getWindow().getWidth()) < 1280);

        robot.clickOn("#deploy-button");
        waitUntil(() -> text("#deploy-status").startsWith("Deployed: 5 written"));
        assertEquals(List.of("done", "done", "done", "done", "done"), column(3));
        assertEquals(1.0, onFx(() -> robot.lookup("#deploy-progress").queryAs(ProgressBar.class).getProgress()));
        assertTrue(disabled("#deploy-button"), "a spent preview is not deployed twice");

        robot.clickOn("#deploy-refresh");
        waitUntil(() -> text("#deploy-counts").equals("0 create, 0 update, 5 unchanged, 0 delete"));
        assertEquals("The target is up to date: nothing to deploy.", text("#deploy-status"));
        assertTrue(disabled("#deploy-button"));
    }

    @Test
    void anotherClustersKeyIsUsedAndKeptOwnerOnlyWhenAsked() throws Exception {
        Simulator sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        closeAfter.add(sim);
        Path file = projects.resolve("config").resolve("targets.json");
        DeployRequest request = new DeployRequest(project, DeployScope.project(), List.of(), executor, Map.of(),
                new UserTargets(file), null);
        FxToolkit.setupFixture(() -> DeployDialog.show(null, request));
        waitUntil(() -> text("#deploy-status").startsWith("No target"));

        robot.clickOn("#deploy-other-name").write("staging");
        robot.clickOn("#deploy-other-host").write(sim.apiHost());
        robot.clickOn("#deploy-other-auth").write(Credential.GUEST.auth());
        robot.clickOn("#deploy-other-remember");
        robot.clickOn("#deploy-other-use");

        waitUntil(() -> text("#deploy-counts").startsWith("5 create"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("staging", new UserTargets(file).list().get(0).name());
        assertEquals("", onFx(() -> robot.lookup("#deploy-other-auth").queryAs(PasswordField.class).getText()),
                "the key does not stay on screen");
    }

    @Test
    void cancelStopsADeployBetweenRequests() throws Exception {
        MockWebServer server = new MockWebServer();
        closeAfter.add(server);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("GET".equals(request.getMethod()) && request.getUrl().queryParameter("limit") != null) {
                    return new MockResponse.Builder().code(200).body("[]").build();
                }
                if ("GET".equals(request.getMethod())) {
                    return new MockResponse.Builder().code(404).body("{\"error\":\"The requested resource does not exist.\"}").build();
                }
                // slow writes, so that Cancel lands while the deploy is still going
                return new MockResponse.Builder().code(200).body("{}").headersDelay(400, TimeUnit.MILLISECONDS).build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        open(TargetEntry.of(new Target("slow cluster", server.url("/").toString(), Credential.GUEST.auth()), "guest",
                TargetSource.USER, null), new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)));
        waitUntil(() -> text("#deploy-counts").startsWith("5 create"));

        robot.clickOn("#deploy-button");
        waitUntil(() -> column(3).get(0).equals("done"));
        robot.clickOn("#deploy-cancel");

        waitUntil(() -> text("#deploy-status").startsWith("Cancelled: "));
        List<String> states = column(3);
        assertEquals("not run: Cancelled before it was sent.", states.get(4), states::toString);
        assertTrue(onFx(() -> robot.lookup("#deploy-cancel").queryAs(Button.class).isDisabled()));
    }
}
