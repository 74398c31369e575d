package dev.whiskstudio.app.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;
import static dev.whiskstudio.app.explorer.FxSupport.openContextMenu;
import static dev.whiskstudio.app.explorer.FxSupport.runFx;
import static dev.whiskstudio.app.explorer.FxSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON tree in a real (headless) window, driven with the robot. */
class JsonTreeViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FxRobot robot = new FxRobot();
    private final List<String> copied = new ArrayList<>();
    private JsonTreeView view;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> {
            view = new JsonTreeView();
            view.setId("json");
            view.setPrefSize(500, 700);
            view.setClipboard(copied::add);
            return view;
        });
        FxToolkit.showStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsKeysAndValuesColouredByType() throws Exception {
        JsonNode doc = JSON.readTree("""
                {"payload":"Hello","count":3,"ok":true,"nothing":null,"user":{"name":"ada"},"tags":["a","b"],"empty":{}}""");
        runFx(() -> view.setJson(doc));

        assertEquals(List.of("payload:", "\"Hello\"", "json-string"), row("$.payload"));
        assertEquals(List.of("count:", "3", "json-number"), row("$.count"));
        assertEquals(List.of("ok:", "true", "json-boolean"), row("$.ok"));
        assertEquals(List.of("nothing:", "null", "json-null"), row("$.nothing"));
        assertEquals(List.of("user:", "{ 1 field }", "json-container"), row("$.user"));
        assertEquals(List.of("tags:", "[ 2 items ]", "json-container"), row("$.tags"));
        assertEquals(List.of("empty:", "{}", "json-container"), row("$.empty"));
        assertTrue(onFx(() -> item("$.empty").isLeaf()));

        // nested rows are made when opened
        assertTrue(onFx(() -> item("$.user").getChildren().isEmpty()));
        robot.clickOn(cell("$.user"));
        robot.push(KeyCode.RIGHT);
        waitUntil(() -> item("$.user.name") != null);
        assertEquals(List.of("name:", "\"ada\"", "json-string"), row("$.user.name"));
    }

    @Test
    void cutsLargeArraysAndShowsTheRestOnDemand() throws Exception {
        ArrayNode numbers = JSON.createArrayNode();
        for (int i = 0; i < 250; i++) {
            numbers.add(i);
        }
        runFx(() -> view.setJson(numbers));
        assertEquals(101, onFx(() -> view.getRoot().getChildren().size()));
        TreeItem<JsonRow> more = onFx(() -> view.getRoot().getChildren().get(100));
        assertTrue(more.getValue() instanceof JsonRow.More);

        // End selects the last row and scrolls to it
        robot.clickOn(cell("$[0]"));
        robot.push(KeyCode.END);
        waitUntil(() -> cellOf(more).isPresent());
        assertEquals("… 150 more", onFx(() -> valueLabel(cellOf(more).orElseThrow()).getText()));
        robot.doubleClickOn(cellOf(more).orElseThrow());
        waitUntil(() -> view.getRoot().getChildren().size() == 201);
        assertEquals("[100]", onFx(() -> ((JsonRow.Value) view.getRoot().getChildren().get(100).getValue()).label()));
        assertTrue(onFx(() -> view.getRoot().getChildren().get(200).getValue() instanceof JsonRow.More));
    }

    @Test
    void cutsLongStringsButCopiesThemWhole() throws Exception {
        String longText = "x".repeat(250);
        runFx(() -> view.setJson(JSON.createObjectNode().put("text", longText)));
        assertEquals("\"" + "x".repeat(200) + "\"… 50 more", row("$.text").get(1));

        openContextMenu(robot, cell("$.text"));
        robot.clickOn("Copy value");
        waitUntil(() -> copied.size() == 1);
        assertEquals(longText, copied.get(0));
    }

    @Test
    void copiesValuesAsJsonAndPathsAsJsonPath() throws Exception {
        JsonNode doc = JSON.readTree("{\"items\":[{\"odd key\":1}]}");
        runFx(() -> {
            view.setJson(doc);
            view.getRoot().getChildren().get(0).setExpanded(true);
            view.getRoot().getChildren().get(0).getChildren().get(0).setExpanded(true);
        });
        waitUntil(() -> item("$.items[0]['odd key']") != null);

        openContextMenu(robot, cell("$.items[0]['odd key']"));
        robot.clickOn("Copy path");
        waitUntil(() -> copied.size() == 1);
        assertEquals("$.items[0]['odd key']", copied.get(0));

        openContextMenu(robot, cell("$.items[0]"));
        robot.clickOn("Copy value");
        waitUntil(() -> copied.size() == 2);
        assertEquals(JSON.readTree("{\"odd key\":1}"), JSON.readTree(copied.get(1)));
        assertTrue(copied.get(1).contains("\n"), "indented: " + copied.get(1));
    }

    @Test
    void copyValueGoesToTheSystemClipboardByDefault() throws Exception {
        runFx(() -> {
            view.setClipboard(ClipboardText::put);
            view.setJson(JSON.createObjectNode().put("id", "abc"));
        });
        openContextMenu(robot, cell("$.id"));
        robot.clickOn("Copy value");
        waitUntil(() -> "abc".equals(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void nothingShownForNoDocument() throws Exception {
        runFx(() -> view.setJson(JSON.createObjectNode().put("a", 1)));
        runFx(() -> view.setJson(null));
        assertEquals(null, onFx(view::getRoot));
        assertFalse(onFx(() -> cellOfPath("$.a").isPresent()));
    }

    // ---- helpers ----

    private TreeItem<JsonRow> item(String path) {
        return find(view.getRoot(), path);
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

    private TreeCell<?> cell(String path) throws Exception {
        waitUntil(() -> cellOfPath(path).isPresent());
        return onFx(() -> cellOfPath(path).orElseThrow());
    }

    private Optional<TreeCell<?>> cellOfPath(String path) {
        return robot.lookup(".tree-cell").<TreeCell<?>>queryAll().stream()
                .filter(c -> c.getItem() instanceof JsonRow.Value v && v.path().equals(path) && c.isVisible())
                .findFirst();
    }

    private Optional<TreeCell<?>> cellOf(TreeItem<JsonRow> item) {
        return robot.lookup(".tree-cell").<TreeCell<?>>queryAll().stream()
                .filter(c -> c.getTreeItem() == item && c.isVisible()).findFirst();
    }

    /** The key text, value text and value type class of a row. */
    private List<String> row(String path) throws Exception {
        TreeCell<?> cell = cell(path);
        return onFx(() -> {
            Label key = robot.from(cell).lookup(".json-key").query();
            Label value = valueLabel(cell);
            String type = value.getStyleClass().stream().filter(c -> !c.equals("json-value") && c.startsWith("json-"))
                    .findFirst().orElse("");
            return List.of(key.getText(), value.getText(), type);
        });
    }

    private Label valueLabel(TreeCell<?> cell) {
        return robot.from(cell).lookup(".json-value").query();
    }

    static {
        // make WaitForAsyncUtils report the first FX exception instead of hiding it
        WaitForAsyncUtils.autoCheckException = true;
    }
}
