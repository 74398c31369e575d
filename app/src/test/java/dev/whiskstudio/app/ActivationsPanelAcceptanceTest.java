package dev.whiskstudio.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.activations.ActivationRow;
import dev.whiskstudio.app.activations.LogEntry;
import dev.whiskstudio.app.activations.StartKind;
import dev.whiskstudio.app.activations.pool.PoolContainer;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.workbench.Workbench;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.runFx;
import static dev.whiskstudio.app.explorer.FxSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The activations panel of the real window against its embedded simulator: activations arrive live from the
 * simulator's event stream with their container, start kind and parameters; the timeline's bars open their
 * activation in the list; the container pool shows the action's container; a sequence shows its components.
 */
class ActivationsPanelAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private WhiskStudioApp app;
    private Workbench workbench;
    private OpenWhiskClient client;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(temp.resolve("simulator"), 0, Profile.OPENWHISK, ThemeChoice.LIGHT)
                .withUserHome(Files.createDirectories(temp.resolve("home")));
        app = (WhiskStudioApp) FxToolkit.setupApplication(() -> new WhiskStudioApp(config));
        workbench = onFx(app::workbench);
        waitUntil(40, () -> workbench.targets().simulatorEntry() != null);
        // live: the panel has found the simulator and follows its events
        waitUntil(() -> workbench.activations().view().target() != null
                && text("#activations-feed-state", "").contains("Live"));
        client = new OpenWhiskClient(onFx(() -> workbench.targets().simulatorEntry().apiHost()), Credential.GUEST.auth());
        // the panel large, as a user would drag it to read activations
        runFx(() -> ((javafx.scene.control.SplitPane) workbench.lookup("#vertical-split")).setDividerPositions(0.25));
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app.stopped().get(30, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void anInvocationArrivesLiveWithItsContainerStartKindAndParameters() throws Exception {
        put("echo", "function main(p) { console.log('got', p.who); return { hello: p.who }; }");
        // the stem cells start in the background with the simulator: on a busy machine they may not be ready yet
        try (var insight = new dev.whiskstudio.app.client.SimulatorInsightClient(
                onFx(() -> workbench.targets().simulatorEntry().apiHost()), Credential.GUEST.auth())) {
            waitUntil(40, () -> insight.pool().containers().stream()
                    .anyMatch(c -> c.isPrewarmed() && "nodejs:20".equals(c.kind())));
        }
        String id = client.invoke("_", "echo", JSON.readTree("{\"who\":\"ada\"}"), true, Duration.ofSeconds(30))
                .activationId();

        waitUntil(() -> row(id).isPresent() && row(id).get().containerId() != null);
        ActivationRow row = row(id).orElseThrow();
        // the openwhisk profile keeps nodejs stem cells: the first activation of an action takes one
        assertEquals(StartKind.PREWARM, row.startKind());
        assertTrue(row.initTime() >= 0, "a prewarm start has an init time");

        runFx(() -> workbench.activations().show(id));
        waitUntil(() -> text("#activation-details-title", "").contains("echo"));
        detailsTab("#activation-details-params-tab");
        waitUntil(() -> robot.lookup("#activation-details-params .tree-cell").queryAll().stream()
                .anyMatch(n -> cellText(n).contains("ada")));

        // the pool shows the container it ran in, as the action's
        runFx(() -> workbench.activations().getSelectionModel().select(2));
        waitUntil(() -> workbench.activations().poolView().snapshot().containers().stream()
                .anyMatch(c -> "guest/echo".equals(c.action()) && c.containerId().equals(row.containerId())));
        PoolContainer container = onFx(() -> workbench.activations().poolView().snapshot().containers().stream()
                .filter(c -> c.containerId().equals(row.containerId())).findFirst().orElseThrow());
        assertEquals(256, container.memoryMb());
    }

    @Test
    void clickingABarOfTheTimelineOpensItsActivationInTheList() throws Exception {
        put("tick", "function main() { return { ok: true }; }");
        String first = client.invoke("_", "tick", JSON.createObjectNode(), true, Duration.ofSeconds(30)).activationId();
        String second = client.invoke("_", "tick", JSON.createObjectNode(), true, Duration.ofSeconds(30)).activationId();
        waitUntil(() -> row(first).isPresent() && row(second).isPresent());

        runFx(() -> workbench.activations().getSelectionModel().select(1));
        runFx(() -> workbench.activations().timeline().fitAll());
        waitUntil(() -> workbench.activations().timeline().barBounds(first).isPresent());
        Point2D onBar = onFx(() -> {
            Bounds b = workbench.activations().timeline().barBounds(first).orElseThrow();
            Node canvasHost = workbench.activations().timeline();
            return canvasHost.localToScreen(b.getMinX() + Math.max(1, b.getWidth() / 2), b.getMinY() + b.getHeight() / 2);
        });
        robot.clickOn(onBar);
        waitUntil(() -> onFx(() -> workbench.activations().getSelectionModel().getSelectedIndex()) == 0
                && text("#activation-details-id", "").contains(first.substring(0, 12)));
    }

    @Test
    void aSequenceShowsItsComponentsAndTheFilterFindsIt() throws Exception {
        put("inc", "function main(p) { return { n: (p.n || 0) + 1 }; }");
        client.put("_", EntityCollection.ACTIONS, "twice", JSON.readTree("{\"exec\":{\"kind\":\"sequence\","
                + "\"components\":[\"/guest/inc\",\"/guest/inc\"]}}"), true);
        String seq = client.invoke("_", "twice", JSON.readTree("{\"n\":1}"), true, Duration.ofSeconds(30)).activationId();
        waitUntil(() -> row(seq).isPresent());
        waitUntil(() -> onFx(() -> workbench.activations().view().log().size()) >= 3);

        robot.clickOn("#activations-filter-text").write("twice");
        waitUntil(() -> onFx(() -> workbench.activations().view().shown().rows().size()) == 1);
        assertEquals(seq, onFx(() -> workbench.activations().view().shown().rows().get(0).activationId()));

        runFx(() -> workbench.activations().show(seq));
        detailsTab("#activation-details-components-tab");
        waitUntil(() -> robot.lookup("#activation-details-components .tree-cell").queryAll().stream()
                .filter(n -> cellText(n).contains("inc")).count() == 2);
    }

    // ---------------------------------------------------------------- helpers

    /** Clicks a tab of the details by its header. */
    private void detailsTab(String tabId) throws Exception {
        Node header = onFx(() -> robot.lookup("#activation-details-tabs .tab").queryAll().stream()
                .filter(n -> n.getId() != null && ("#" + n.getId()).equals(tabId)).findFirst().orElseThrow());
        robot.clickOn(header);
    }

    private void put(String name, String code) throws Exception {
        JsonNode action = JSON.createObjectNode().set("exec",
                JSON.createObjectNode().put("kind", "nodejs:20").put("code", code));
        client.put("_", EntityCollection.ACTIONS, name, action, true);
    }

    private Optional<ActivationRow> row(String id) throws Exception {
        return onFx(() -> Arrays.stream(workbench.activations().view().log().snapshot().entries()).map(LogEntry::row)
                .filter(r -> r.activationId().equals(id)).findFirst());
    }

    private String text(String query, String otherwise) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText()
                : n instanceof javafx.scene.control.TextInputControl t ? t.getText() : otherwise).orElse(otherwise));
    }

    private static String cellText(Node n) {
        if (n instanceof TreeCell<?> c) {
            String own = c.getText() == null ? "" : c.getText();
            StringBuilder all = new StringBuilder(own);
            c.lookupAll(".label").forEach(l -> all.append(' ').append(((Label) l).getText()));
            return all.toString();
        }
        return "";
    }
}
