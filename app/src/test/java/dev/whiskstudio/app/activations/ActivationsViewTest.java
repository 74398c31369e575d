package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.ThemeChoice;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.explorer.LiveSimulator;
import dev.whiskstudio.sim.config.Credential;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The activations view in a headless window against a real simulator running the actions in Node.js. */
class ActivationsViewTest {
    private static final String GREET = """
            function main(p) {
              console.log('greeting ' + p.name);
              return { payload: 'Hello, ' + p.name };
            }""";
    private static final String FAILS = """
            function main(p) {
              console.error('card declined for ' + p.name);
              return { error: 'payment failed' };
            }""";
    private static final String CHATTY = """
            function main() {
              console.log('first line out');
              console.error('something bad happened');
              console.log('second line out');
              return { ok: true };
            }""";

    @TempDir
    Path tempDir;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "activations-test-io");
        t.setDaemon(true);
        return t;
    });
    private final List<ActionRef> opened = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private LiveSimulator sim;
    private Path filtersFile;
    private ActivationsView view;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        Application.setUserAgentStylesheet(ThemeChoice.LIGHT.userAgentStylesheet());
        sim = LiveSimulator.start(tempDir.resolve("sim"));
        filtersFile = tempDir.resolve("config").resolve("activation-filters.json");
        sim.action("greet", GREET);
        sim.action("fails", FAILS);
    }

    @AfterEach
    void stop() throws Exception {
        if (view != null) {
            runFx(view::dispose);
        }
        FxToolkit.cleanupStages();
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
        sim.close();
        io.shutdownNow();
        assertTrue(io.awaitTermination(30, TimeUnit.SECONDS), "background work ends");
    }

    private static PollingSettings fast() {
        return PollingSettings.defaults().withInterval(Duration.ofMillis(250));
    }

    private ActivationTarget target(OpenWhiskClient client) {
        return ActivationTarget.polling("test simulator", new ActivationReader(client, GUEST), InsightSource.NONE, fast());
    }

    private void showView(ActivationTarget target) throws Exception {
        showView(target, true, 2);
    }

    private void showView(ActivationTarget target, boolean live, int historyPages) throws Exception {
        FxToolkit.setupSceneRoot(() -> {
            view = new ActivationsView(io, new SavedFilters(filtersFile, io));
            view.setPrefSize(1200, 760);
            view.liveProperty().set(live);
            view.setHistoryPages(historyPages, historyPages);
            view.setOnOpenAction(opened::add);
            view.setTarget(target);
            return view;
        });
        FxToolkit.showStage();
    }

    private String invoke(String action, String name) throws IOException {
        return sim.client().invoke(GUEST, action, LiveSimulator.JSON.createObjectNode().put("name", name), true,
                Duration.ofSeconds(30)).activationId();
    }

    private List<String> shownIds() throws Exception {
        return onFx(() -> view.shown().rows().stream().map(ActivationRow::activationId).toList());
    }

    private String text(String query) throws Exception {
        return onFx(() -> {
            Node node = robot.lookup(query).query();
            return node instanceof Label l ? l.getText() : ((javafx.scene.control.TextInputControl) node).getText();
        });
    }

    /** The table row showing an activation (it must be on screen), once the table has laid it out. */
    private TableRow<?> tableRow(String activationId) throws Exception {
        AtomicReference<TableRow<?>> found = new AtomicReference<>();
        waitUntil(() -> {
            robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                    .filter(r -> r.getItem() instanceof ActivationRow a && a.activationId().equals(activationId))
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private ActivationRow selected() throws Exception {
        return onFx(() -> view.table().getSelectionModel().getSelectedItem());
    }

    private void selectTab(String id) throws Exception {
        runFx(() -> {
            Tab tab = view.details().tabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
            view.details().tabs().getSelectionModel().select(tab);
        });
    }

    @Test
    void invocationsMadeAfterTheListOpenedAppearByPolling() throws Exception {
        showView(target(sim.client()));
        waitUntil(() -> text("#activations-feed-state").startsWith("Polling every"));
        assertEquals("0 of 0 shown", text("#activations-count"));

        String ok = invoke("greet", "ada");
        String failed = invoke("fails", "bob");
        waitUntil(() -> shownIds().equals(List.of(failed, ok)));
        waitUntil(() -> text("#activations-count").equals("2 of 2 shown"));

        // the status is coloured by outcome; the failed row is marked
        TableRow<?> failedRow = tableRow(failed);
        javafx.scene.control.TableCell<?, ?> status = onFx(() -> (javafx.scene.control.TableCell<?, ?>) failedRow.lookup(".status-cell"));
        assertEquals("Application error", onFx(status::getText));
        assertTrue(onFx(() -> status.getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("application-error"))));
        assertTrue(onFx(() -> failedRow.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("failed"))));
        ActivationRow row = onFx(() -> view.shown().rows().get(1));
        assertEquals("greet", row.path());
        assertEquals(StartKind.COLD, row.startKind());
        assertEquals(256, row.memory());
        assertEquals("nodejs:20", row.kind());
    }

    @Test
    void theSelectionStaysOnItsActivationWhileRowsArriveAndFiltersChange() throws Exception {
        String ada = invoke("greet", "ada");
        invoke("fails", "bob");
        showView(target(sim.client()));
        waitUntil(() -> shownIds().size() == 2);
        robot.clickOn(tableRow(ada));
        waitUntil(() -> text("#activation-details-title").equals("greet"));

        String cyd = invoke("greet", "cyd");
        waitUntil(() -> shownIds().size() == 3 && shownIds().get(0).equals(cyd));
        assertEquals(ada, selected().activationId());
        runFx(() -> view.filterBar().setFilter(ActivationFilter.ALL.withStatus(StatusChoice.SUCCESS)));
        waitUntil(() -> shownIds().equals(List.of(cyd, ada)));
        assertEquals(ada, selected().activationId());
        assertEquals(ada, text("#activation-details-id"));
    }

    @Test
    void olderActivationsAreReadPageByPage() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(invoke("greet", "n" + i));
        }
        java.util.Collections.reverse(ids);
        ActivationTarget pagesOfThree = ActivationTarget.polling("test simulator",
                new ActivationReader(sim.client(), GUEST, 3), InsightSource.NONE, fast());
        showView(pagesOfThree, false, 1);
        waitUntil(() -> shownIds().equals(ids.subList(0, 3)));
        assertEquals("Live updates off", text("#activations-feed-state"));
        robot.clickOn("#activations-load-more");
        waitUntil(() -> shownIds().equals(ids.subList(0, 6)));
        robot.clickOn("#activations-load-more");
        waitUntil(() -> shownIds().equals(ids));
        waitUntil(() -> onFx(() -> robot.lookup("#activations-load-more").query().isDisabled()));
        assertEquals("All read", onFx(() -> ((javafx.scene.control.Button) robot.lookup("#activations-load-more").query()).getText()));

        // live on: a new activation comes in at the top
        robot.clickOn("#activations-live");
        String newest = invoke("greet", "late");
        waitUntil(() -> !shownIds().isEmpty() && shownIds().get(0).equals(newest));
        assertEquals(8, shownIds().size());
    }

    @Test
    void filtersByStatusNameAndTextInLogs() throws Exception {
        String ada = invoke("greet", "ada");
        String bob = invoke("fails", "bob");
        String cyd = invoke("greet", "cyd");
        String dan = invoke("fails", "dan");
        showView(target(sim.client()));
        waitUntil(() -> shownIds().size() == 4);

        robot.clickOn("#activations-filter-status");
        robot.clickOn("Any error");
        waitUntil(() -> shownIds().equals(List.of(dan, bob)));
        assertEquals("2 of 4 shown", text("#activations-count"));

        robot.clickOn("#activations-filter-status");
        robot.clickOn("Any status");
        robot.clickOn("#activations-filter-text").write("GREE");
        waitUntil(() -> shownIds().equals(List.of(cyd, ada)));
        // by id too
        runFx(() -> view.filterBar().setFilter(ActivationFilter.ALL.withText(bob.substring(4, 16))));
        waitUntil(() -> shownIds().equals(List.of(bob)));

        // words only in the logs: found once the records are read
        runFx(() -> view.filterBar().setFilter(ActivationFilter.ALL));
        robot.clickOn("#activations-filter-text").write("declined dan");
        waitUntil(() -> shownIds().isEmpty());
        robot.clickOn("#activations-filter-docs");
        waitUntil(() -> shownIds().equals(List.of(dan)));
        waitUntil(() -> text("#activations-docs-status").isEmpty());
        // and in the result
        runFx(() -> view.filterBar().setFilter(ActivationFilter.ALL.withText("payment failed").withSearchDocs(true)));
        waitUntil(() -> shownIds().equals(List.of(dan, bob)));

        // a row arriving while searching is read too
        String eve = invoke("fails", "eve");
        waitUntil(() -> shownIds().equals(List.of(eve, dan, bob)));
    }

    @Test
    void aSequenceShowsItsComponentTreeAndClickingAComponentSelectsIt() throws Exception {
        ObjectNode pipeline = LiveSimulator.JSON.createObjectNode();
        pipeline.putObject("exec").put("kind", "sequence").putArray("components").add("/guest/greet").add("/guest/greet");
        sim.client().put(GUEST, EntityCollection.ACTIONS, "pipeline", pipeline, false);
        ObjectNode outer = LiveSimulator.JSON.createObjectNode();
        outer.putObject("exec").put("kind", "sequence").putArray("components").add("/guest/pipeline").add("/guest/greet");
        sim.client().put(GUEST, EntityCollection.ACTIONS, "outer", outer, false);
        String outerId = invoke("outer", "seq");
        showView(target(sim.client()));
        // outer, pipeline, its two greets, the last greet
        waitUntil(() -> shownIds().size() == 5);

        robot.clickOn(tableRow(outerId));
        waitUntil(() -> onFx(() -> view.details().components().getRoot() != null));
        TreeItem<SequenceTree.Node> root = onFx(() -> view.details().components().getRoot());
        assertEquals(outerId, root.getValue().activationId());
        List<String> children = onFx(() -> root.getChildren().stream().map(c -> c.getValue().row().path()).toList());
        assertEquals(List.of("pipeline", "greet"), children);
        List<String> nested = onFx(() -> root.getChildren().get(0).getChildren().stream()
                .map(c -> c.getValue().row().path()).toList());
        assertEquals(List.of("greet", "greet"), nested);
        assertTrue(onFx(() -> view.details().tabs().getTabs().stream()
                .anyMatch(t -> "activation-details-components-tab".equals(t.getId()))));

        // click the second component of the nested sequence
        String component = onFx(() -> root.getChildren().get(0).getChildren().get(1).getValue().activationId());
        String nestedId = onFx(() -> root.getChildren().get(0).getValue().activationId());
        selectTab("activation-details-components-tab");
        TreeCell<?> cell = onFx(() -> robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getTreeItem() != null && c.getTreeItem().getValue() instanceof SequenceTree.Node n
                        && n.activationId().equals(component))
                .findFirst().orElseThrow());
        robot.clickOn(cell);
        waitUntil(() -> selected() != null && selected().activationId().equals(component));
        assertEquals(nestedId, selected().cause());
        waitUntil(() -> text("#activation-details-title").equals("greet"));
        assertTrue(onFx(() -> robot.lookup("#activation-details-parent").query().isVisible()));

        // the parent link goes back up
        robot.clickOn("#activation-details-parent");
        waitUntil(() -> selected() != null && selected().activationId().equals(nestedId));
        assertEquals(outerId, selected().cause());
    }

    @Test
    void logsAreColouredByStreamAndSearchable() throws Exception {
        sim.action("chatty", CHATTY);
        String id = invoke("chatty", "x");
        showView(target(sim.client()));
        waitUntil(() -> shownIds().contains(id));
        robot.clickOn(tableRow(id));
        selectTab("activation-details-logs-tab");
        waitUntil(() -> onFx(() -> view.details().logs().lines().size()) == 3);

        List<ListCell<?>> cells = onFx(() -> {
            List<ListCell<?>> filled = new ArrayList<>();
            for (ListCell<?> c : robot.lookup("#activation-logs").lookup(".log-cell").queryAllAs(ListCell.class)) {
                if (c.getItem() != null) {
                    filled.add(c);
                }
            }
            return filled;
        });
        assertEquals(3, cells.size());
        // lines written in the same millisecond may be stored in either order: each line's own stream counts
        List<String> streams = onFx(() -> cells.stream()
                .sorted(java.util.Comparator.comparing(c -> ((LogLine) c.getItem()).text()))
                .map(c -> ((LogLine) c.getItem()).text() + " " + (c.getStyleClass().contains("log-stderr") ? "stderr"
                        : c.getStyleClass().contains("log-stdout") ? "stdout" : "?"))
                .toList());
        assertEquals(List.of("first line out stdout", "second line out stdout", "something bad happened stderr"), streams);

        robot.clickOn("#activation-logs-search").write("LINE OUT");
        waitUntil(() -> text("#activation-logs-matches").equals("1 of 2"));
        List<Integer> hits = onFx(() -> view.details().logs().hits());
        assertEquals(2, hits.size());
        assertEquals(hits.get(0), onFx(() -> view.details().logs().currentHit()));
        robot.push(KeyCode.ENTER);
        waitUntil(() -> text("#activation-logs-matches").equals("2 of 2"));
        assertEquals(hits.get(1), onFx(() -> view.details().logs().currentHit()));
        long marked = onFx(() -> robot.lookup("#activation-logs").lookup(".log-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("match"))).count());
        assertEquals(2, marked);
        robot.eraseText(8).write("nothing like it");
        waitUntil(() -> text("#activation-logs-matches").equals("No match"));

        // the parameters are not recorded on a target without insight; the action's source can be opened
        assertEquals("Parameters are not recorded on this target.", text("#activation-details-params-note"));
        robot.clickOn("#activation-details-open-action");
        waitUntil(() -> opened.size() == 1);
        assertEquals(new ActionRef(GUEST, null, "chatty"), opened.get(0));
    }

    @Test
    void exportWritesTheChosenRecordsAsAJsonArray() throws Exception {
        String a = invoke("greet", "ada");
        invoke("fails", "bob");
        String c = invoke("greet", "cyd");
        showView(target(sim.client()));
        waitUntil(() -> shownIds().size() == 3);
        Path out = tempDir.resolve("out").resolve("export.json");
        AtomicReference<String> suggested = new AtomicReference<>();
        runFx(() -> view.setExportChooser((owner, name) -> {
            suggested.set(name);
            return out;
        }));

        robot.clickOn(tableRow(c));
        robot.press(KeyCode.CONTROL).clickOn(tableRow(a)).release(KeyCode.CONTROL);
        waitUntil(() -> onFx(() -> view.table().getSelectionModel().getSelectedItems().size()) == 2);
        robot.clickOn("#activations-export");
        waitUntil(() -> text("#activations-message").equals("Exported 2 activations to export.json."));

        assertTrue(suggested.get().matches("activations-\\d{8}-\\d{6}\\.json"), suggested.get());
        JsonNode written = LiveSimulator.JSON.readTree(Files.readString(out));
        assertTrue(written.isArray());
        assertEquals(2, written.size());
        assertEquals(c, written.get(0).get("activationId").asText());
        assertEquals(a, written.get(1).get("activationId").asText());
        assertEquals("Hello, cyd", written.get(0).path("response").path("result").path("payload").asText());
        assertTrue(written.get(1).path("logs").get(0).asText().endsWith("stdout: greeting ada"));
    }

    @Test
    void aSavedFilterSurvivesRecreatingTheView() throws Exception {
        String bob = invoke("fails", "bob");
        invoke("greet", "ada");
        showView(target(sim.client()));
        waitUntil(() -> shownIds().size() == 2);
        robot.clickOn("#activations-filter-status");
        robot.clickOn("Any error");
        robot.clickOn("#activations-filter-text").write("fails");
        waitUntil(() -> shownIds().equals(List.of(bob)));
        robot.clickOn("#activations-save");
        robot.clickOn("#activations-save-name").write("my errors");
        robot.clickOn("#activations-save-confirm");
        waitUntil(() -> onFx(() -> view.filterBar().savedNames()).equals(List.of("my errors")));
        assertTrue(Files.readString(filtersFile).contains("\"my errors\""));

        runFx(view::dispose);
        FxToolkit.cleanupStages();
        showView(target(sim.client()));
        waitUntil(() -> shownIds().size() == 2);
        waitUntil(() -> onFx(() -> view.filterBar().savedNames()).equals(List.of("my errors")));
        robot.clickOn("#activations-saved");
        robot.clickOn("my errors");
        waitUntil(() -> shownIds().equals(List.of(bob)));
        assertEquals("fails", text("#activations-filter-text"));
        assertEquals(StatusChoice.FAILED, onFx(() -> view.filterBar().getFilter().status()));
    }

    @Test
    void anUnreachableTargetIsSaidInTheViewAndNothingFreezes() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        OpenWhiskClient client = new OpenWhiskClient("http://127.0.0.1:" + port, Credential.GUEST.auth(),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
        closeAfter.add(client);
        showView(target(client));
        waitUntil(() -> text("#activations-problem").startsWith("Could not read the activations of test simulator: "));
        waitUntil(() -> text("#activations-feed-state").startsWith("Polling failed: "));
        assertTrue(onFx(() -> robot.lookup("#activations-feed-state").query().getStyleClass()
                .contains("activations-feed-failing")));
        // the view still answers
        robot.clickOn("#activations-filter-text").write("abc");
        waitUntil(() -> text("#activations-filter-text").equals("abc"));
        robot.clickOn("#activations-problem-dismiss");
        waitUntil(() -> !robot.lookup("#activations-problem-bar").query().isVisible());
        assertEquals("", text("#activations-problem"));
        assertNotNull(view.target());
    }
}
