package dev.whiskstudio.app.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.whiskstudio.app.explorer.LiveSimulator.GUEST;
import static dev.whiskstudio.app.explorer.LiveSimulator.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer's commands and loader against a real simulator, without a window. */
class EntityCommandsTest {
    @TempDir
    Path dataDir;
    private LiveSimulator sim;
    private EntityCommands commands;
    private EntityLoader loader;

    @BeforeEach
    void start() throws Exception {
        sim = LiveSimulator.start(dataDir);
        commands = new EntityCommands(sim.client());
        loader = new EntityLoader(sim.client());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void renamingAnActionKeepsItsParametersAnnotationsAndLimits() throws Exception {
        ObjectNode action = LiveSimulator.nodeAction("function main() { return {}; }");
        action.putArray("parameters").addObject().put("key", "greeting").put("value", "hi");
        action.putArray("annotations").addObject().put("key", "web-export").put("value", true);
        action.putObject("limits").put("timeout", 5000).put("memory", 128);
        sim.client().put(GUEST, EntityCollection.ACTIONS, "before", action, false);

        ActionRef renamed = commands.renameAction(new ActionRef(GUEST, null, "before"), "after");

        assertEquals(new ActionRef(GUEST, null, "after"), renamed);
        JsonNode moved = sim.get(EntityCollection.ACTIONS, "after");
        assertEquals("hi", moved.at("/parameters/0/value").asText());
        assertEquals(5000, moved.at("/limits/timeout").asInt());
        assertEquals(128, moved.at("/limits/memory").asInt());
        assertTrue(moved.get("annotations").toString().contains("web-export"));
        assertEquals(404, assertThrows(OpenWhiskException.class, () -> sim.get(EntityCollection.ACTIONS, "before")).status());
    }

    @Test
    void renamingARuleKeepsItsTriggerActionAndState() throws Exception {
        sim.action("hello", "function main() { return {}; }");
        commands.createTrigger(GUEST, "tick");
        commands.createRule(GUEST, "was", "tick", "hello");
        commands.setRuleActive(GUEST, "was", false);

        commands.renameRule(GUEST, "was", "now");

        JsonNode rule = sim.get(EntityCollection.RULES, "now");
        assertEquals("inactive", rule.get("status").asText());
        assertEquals("/guest/tick", EntityLoader.linkName(rule.get("trigger")));
        assertEquals("/guest/hello", EntityLoader.linkName(rule.get("action")));
        assertThrows(OpenWhiskException.class, () -> sim.get(EntityCollection.RULES, "was"));
    }

    @Test
    void creatingATakenNameIsRefusedInWords() throws Exception {
        commands.createPackage(GUEST, "tools", true);
        RefusedException refused = assertThrows(RefusedException.class, () -> commands.createPackage(GUEST, "tools", false));
        assertEquals("A package named tools already exists in guest.", refused.getMessage());
        assertTrue(sim.get(EntityCollection.PACKAGES, "tools").get("publish").asBoolean());
    }

    @Test
    void deletingAPackageThatHoldsActionsGivesThePlatformsAnswer() throws Exception {
        commands.createPackage(GUEST, "full", false);
        commands.createAction(new ActionRef(GUEST, "full", "inside"));
        OpenWhiskException refused = assertThrows(OpenWhiskException.class,
                () -> commands.delete(new ExplorerNode.PackageNode(GUEST, "full", false, null)));
        assertEquals(409, refused.status());
        assertFalse(ProblemText.of(refused, sim.apiHost()).isBlank());
        sim.get(EntityCollection.PACKAGES, "full");
    }

    @Test
    void firingATriggerAnswersTheActivationOnlyWhenARuleTookIt() throws Exception {
        sim.action("hello", "function main() { return {}; }");
        commands.createTrigger(GUEST, "tick");
        assertTrue(commands.fire(GUEST, "tick").isEmpty());
        commands.createRule(GUEST, "on-tick", "/guest/tick", "/guest/hello");
        assertTrue(commands.fire(GUEST, "tick").orElseThrow().matches("[0-9a-f]{32}"));
    }

    @Test
    void aRuleWhoseTriggerIsGoneLoadsAsInactive() throws Exception {
        sim.action("hello", "function main() { return {}; }");
        commands.createTrigger(GUEST, "tick");
        commands.createRule(GUEST, "orphan", "tick", "hello");
        commands.delete(new ExplorerNode.TriggerNode(GUEST, "tick", false));

        List<ExplorerNode> rules = loader.children(new ExplorerNode.GroupNode(GUEST, ExplorerNode.Group.RULES), () -> false);
        assertEquals(List.of(new ExplorerNode.RuleNode(GUEST, "orphan", false, "/guest/tick", "/guest/hello")), rules);
    }

    @Test
    void aCancelledLoadStopsBetweenRequests() throws Exception {
        sim.action("hello", "function main() { return {}; }");
        commands.createTrigger(GUEST, "tick");
        commands.createRule(GUEST, "r", "tick", "hello");
        assertThrows(java.io.InterruptedIOException.class, () -> loader.children(
                new ExplorerNode.GroupNode(GUEST, ExplorerNode.Group.RULES), () -> true));
    }

    @Test
    void newActionsGetTheStarterCode() throws Exception {
        commands.createAction(new ActionRef(GUEST, null, "starter"));
        JsonNode created = sim.get(EntityCollection.ACTIONS, "starter");
        assertEquals(EntityCommands.STARTER_CODE, created.at("/exec/code").asText());
        var outcome = sim.client().invoke(GUEST, "starter", JSON.createObjectNode().put("name", "ada"), true,
                java.time.Duration.ofSeconds(30));
        assertEquals("Hello, ada!", outcome.record().at("/response/result/payload").asText());
    }
}
