package dev.whiskstudio.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window against a real embedded simulator on a free port, with a data directory of its own. */
class WhiskStudioAppTest {
    private static final Pattern LOCAL_API_HOST = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path tempDir;

    private final FxRobot robot = new FxRobot();
    private WhiskStudioApp app;

    @BeforeEach
    void registerStage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            // the simulator must let go of its port and files before the temp folder goes
            app.stopped().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
    }

    private void launch(Path dataDir, int port) throws Exception {
        AppConfig config = new AppConfig(dataDir, port, Profile.OPENWHISK, ThemeChoice.LIGHT)
                .withUserHome(Files.createDirectories(tempDir.resolve("home")));
        app = (WhiskStudioApp) FxToolkit.setupApplication(() -> new WhiskStudioApp(config));
    }

    @Test
    void showsTheRunningSimulatorAndCountsWhatTheApiHolds() throws Exception {
        Path dataDir = tempDir.resolve("simulator");
        launch(dataDir, 0);

        waitUntil(() -> text("#simulator-state").equals("Running"));
        Matcher apiHost = LOCAL_API_HOST.matcher(text("#api-host"));
        assertTrue(apiHost.matches(), text("#api-host"));
        int port = Integer.parseInt(apiHost.group(1));
        assertTrue(port > 0);
        assertEquals("Apache OpenWhisk", text("#profile"));
        assertEquals(dataDir.toAbsolutePath().toString(), text("#data-dir"));
        assertFalse(visible("#port-note"));
        assertFalse(visible("#failure"));
        waitUntil(() -> text("#count-packages").equals("0"));
        for (String collection : new String[] {"actions", "triggers", "rules"}) {
            assertEquals("0", text("#count-" + collection));
        }
        assertTrue(text("#counts-status").startsWith("Counted at"), text("#counts-status"));

        try (OpenWhiskClient client = new OpenWhiskClient(apiHost.group(), Credential.GUEST.auth())) {
            client.putPackage("_", "p", JsonNodeFactory.instance.objectNode(), false);
        }
        robot.clickOn("#refresh-counts");
        waitUntil(() -> text("#count-packages").equals("1"));
        assertEquals("0", text("#count-actions"));
    }

    @Test
    void theWindowIsTitledAndHasTheAppIcon() throws Exception {
        launch(tempDir.resolve("simulator"), 0);
        Stage stage = onFx(() -> (Stage) Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow());
        assertEquals("Whisk Studio", onFx(stage::getTitle));
        assertTrue(onFx(() -> stage.getIcons().size()) >= 4);
        waitUntil(() -> text("#simulator-state").equals("Running"));
    }

    @Test
    void saysSoWhenAnotherProgramHoldsThePort() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int taken = other.getLocalPort();
            launch(tempDir.resolve("simulator"), taken);

            waitUntil(() -> text("#simulator-state").equals("Running"));
            Matcher apiHost = LOCAL_API_HOST.matcher(text("#api-host"));
            assertTrue(apiHost.matches(), text("#api-host"));
            int used = Integer.parseInt(apiHost.group(1));
            assertTrue(used != taken);
            assertTrue(visible("#port-note"));
            String note = bannerText("#port-note");
            assertTrue(note.contains(Integer.toString(taken)) && note.contains(Integer.toString(used)), note);
        }
    }

    @Test
    void explainsWhyTheSimulatorDidNotStart() throws Exception {
        Path notADirectory = Files.writeString(tempDir.resolve("not-a-directory"), "a file where the data should go");
        launch(notADirectory, 0);

        waitUntil(() -> text("#simulator-state").equals("Failed"));
        assertTrue(visible("#failure"));
        String why = bannerText("#failure");
        assertEquals("The data directory " + notADirectory.toAbsolutePath() + " already exists and is not a directory.", why);
        assertTrue(onFx(() -> robot.lookup("#refresh-counts").queryAs(Button.class).isDisabled()));
        assertEquals("not listening", text("#api-host"));
    }

    @Test
    void saysWhetherNodeIsInstalled() throws Exception {
        launch(tempDir.resolve("simulator"), 0);
        waitUntil(() -> !text("#node-status").startsWith("Looking"));
        String node = text("#node-status");
        assertTrue(node.startsWith("Node.js"), node);
        // the install help shows exactly when no usable node was found
        assertEquals(!node.contains("is on the PATH.") || node.contains("older"), visible("#node-help"));
    }

    @Test
    void closingTheWindowStopsTheSimulator() throws Exception {
        launch(tempDir.resolve("simulator"), 0);
        waitUntil(() -> text("#simulator-state").equals("Running"));
        Matcher apiHost = LOCAL_API_HOST.matcher(text("#api-host"));
        assertTrue(apiHost.matches());
        int port = Integer.parseInt(apiHost.group(1));

        FxToolkit.cleanupApplication(app);
        app.stopped().get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("simulator-lifecycle") && t.isAlive() && !t.isDaemon()),
                "no lifecycle thread keeps the JVM alive");
    }

    private String text(String id) throws Exception {
        return onFx(() -> {
            Node node = robot.lookup(id).query();
            return ((Label) node).getText();
        });
    }

    private String bannerText(String id) throws Exception {
        return onFx(() -> robot.from(robot.lookup(id).queryAll()).lookup(".banner-description").queryAs(Label.class).getText());
    }

    private boolean visible(String id) throws Exception {
        return onFx(() -> robot.lookup(id).query().isVisible());
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
