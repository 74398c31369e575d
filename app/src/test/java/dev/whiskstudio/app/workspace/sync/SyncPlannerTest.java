package dev.whiskstudio.app.workspace.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoadException;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.whiskstudio.app.workspace.Samples.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans built from real project folders, before anything is sent. */
class SyncPlannerTest {
    @TempDir
    Path dir;

    private static Map<String, JsonNode> keyValues(JsonNode list) {
        Map<String, JsonNode> map = new HashMap<>();
        list.forEach(kv -> map.put(kv.get("key").asText(), kv.get("value")));
        return map;
    }

    @Test
    void theManifestSampleIsPlannedInDependencyOrderWithTheBodiesThePlatformTakes() throws IOException {
        Path folder = Samples.copy(Samples.MANIFEST_DEMO, dir);
        SyncPlan plan = SyncPlanner.plan(ProjectLoader.load(folder), "_", Map.of());

        assertEquals(List.of("package:/_/demo", "action:/_/demo/hello", "action:/_/demo/shout",
                "sequence:/_/demo/hello-loud", "trigger:/_/greeting-requested", "rule:/_/greet-on-request"),
                plan.steps().stream().map(SyncStep::id).toList());
        assertEquals(List.of(), plan.warnings());

        JsonNode pkg = plan.step("package:/_/demo").orElseThrow().body();
        assertEquals("world", keyValues(pkg.get("parameters")).get("audience").asText());

        SyncStep hello = plan.step("action:/_/demo/hello").orElseThrow();
        assertEquals(List.of("package:/_/demo"), hello.dependsOn());
        JsonNode exec = hello.body().get("exec");
        assertEquals("nodejs:20", exec.get("kind").asText());
        assertEquals(Files.readString(folder.resolve("src/hello.js")), exec.get("code").asText());
        assertFalse(exec.get("binary").asBoolean());
        assertFalse(exec.has("main"));
        Map<String, JsonNode> params = keyValues(hello.body().get("parameters"));
        assertEquals("Hello", params.get("greeting").asText(), "from .env");
        assertEquals("!", params.get("punctuation").asText());
        Map<String, JsonNode> helloAnnotations = keyValues(hello.body().get("annotations"));
        assertFalse(helloAnnotations.get("web-export").asBoolean());
        assertFalse(helloAnnotations.containsKey("final"));
        assertFalse(hello.body().has("limits"));

        JsonNode shout = plan.step("action:/_/demo/shout").orElseThrow().body();
        assertEquals("nodejs:default", shout.at("/exec/kind").asText());
        Map<String, JsonNode> web = keyValues(shout.get("annotations"));
        assertTrue(web.get("web-export").asBoolean());
        assertFalse(web.get("raw-http").asBoolean());
        assertTrue(web.get("final").asBoolean());
        assertEquals(5000, shout.at("/limits/timeout").asInt());
        assertEquals(128, shout.at("/limits/memory").asInt());
        assertEquals(2, shout.get("limits").size());

        SyncStep sequence = plan.step("sequence:/_/demo/hello-loud").orElseThrow();
        assertEquals("sequence", sequence.body().at("/exec/kind").asText());
        assertEquals(List.of("/_/demo/hello", "/_/demo/shout"), texts(sequence.body().at("/exec/components")));
        assertEquals(List.of("package:/_/demo", "action:/_/demo/hello", "action:/_/demo/shout"), sequence.dependsOn());

        assertEquals("trigger", keyValues(plan.step("trigger:/_/greeting-requested").orElseThrow().body()
                .get("parameters")).get("name").asText());
        SyncStep rule = plan.step("rule:/_/greet-on-request").orElseThrow();
        assertEquals("/_/greeting-requested", rule.body().get("trigger").asText());
        assertEquals("/_/demo/hello", rule.body().get("action").asText());
        assertEquals(List.of("trigger:/_/greeting-requested", "action:/_/demo/hello"), rule.dependsOn());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theEnvironmentWinsOverDotEnvAndANamespaceIsUsedInEveryName() throws IOException {
        Project project = ProjectLoader.load(Samples.copy(Samples.MANIFEST_DEMO, dir));
        SyncPlan plan = SyncPlanner.plan(project, "team-a", Map.of("GREETING", "Howdy"));
        assertEquals("Howdy", keyValues(plan.step("action:/team-a/demo/hello").orElseThrow().body().get("parameters"))
                .get("greeting").asText());
        assertEquals("/team-a/demo/hello", plan.step("rule:/team-a/greet-on-request").orElseThrow().body()
                .get("action").asText());
    }

    @Test
    void variablesResolveInsideStringsAndNestedValuesAndUndefinedOnesAreWarnings() throws IOException {
        write(dir, "a.js", "function main() { return {}; }");
        write(dir, ".env", "HOST=db.local\nPORT=5432\n");
        write(dir, "manifest.yml", """
                packages:
                  p:
                    inputs:
                      url: "postgres://${HOST}:$PORT/x"
                    actions:
                      a:
                        function: a.js
                        inputs:
                          nested: {hosts: ["$HOST", "${ HOST }-replica"], count: 2}
                          missing: $NOT_DEFINED
                          price: "$5 stays"
                """);
        SyncPlan plan = SyncPlanner.plan(ProjectLoader.load(dir), "_", Map.of());
        assertEquals("postgres://db.local:5432/x",
                keyValues(plan.step("package:/_/p").orElseThrow().body().get("parameters")).get("url").asText());
        Map<String, JsonNode> params = keyValues(plan.step("action:/_/p/a").orElseThrow().body().get("parameters"));
        assertEquals("db.local", params.get("nested").get("hosts").get(0).asText());
        assertEquals("db.local-replica", params.get("nested").get("hosts").get(1).asText());
        assertEquals(2, params.get("nested").get("count").asInt());
        assertEquals("", params.get("missing").asText());
        assertEquals("$5 stays", params.get("price").asText());
        assertEquals(List.of("input 'missing' of action p/a: $NOT_DEFINED is not set in the environment or in .env;"
                + " it is sent as an empty string"), plan.warnings());
    }

    @Test
    void aSequenceComesAfterTheSequencesItContainsWhateverTheManifestOrder() throws IOException {
        write(dir, "a.js", "");
        write(dir, "manifest.yml", """
                packages:
                  p:
                    actions:
                      a: {function: a.js}
                    sequences:
                      outer: {actions: "inner, a"}
                      inner: {actions: a}
                      cycle-1: {actions: cycle-2}
                      cycle-2: {actions: cycle-1}
                """);
        SyncPlan plan = SyncPlanner.plan(ProjectLoader.load(dir), "_", Map.of());
        assertEquals(List.of("/_/p/inner", "/_/p/outer", "/_/p/cycle-2", "/_/p/cycle-1"),
                plan.steps(EntityKind.SEQUENCE).stream().map(SyncStep::fullName).toList());
        assertTrue(plan.step("sequence:/_/p/outer").orElseThrow().dependsOn().contains("sequence:/_/p/inner"));
    }

    @Test
    void aFolderActionIsAStableBase64ZipOfItsFiles() throws IOException {
        Path folder = Samples.copy(Samples.AIO_DEMO, dir);
        Project project = ProjectLoader.load(folder);
        SyncPlan plan = SyncPlanner.plan(project, "_", Map.of());
        JsonNode exec = plan.step("action:/_/aio-demo-1.2.0/generic").orElseThrow().body().get("exec");
        assertTrue(exec.get("binary").asBoolean());
        assertEquals("nodejs:20", exec.get("kind").asText());
        byte[] zip = Base64.getDecoder().decode(exec.get("code").asText());
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertEquals(List.of("index.js", "lib/describe.js", "package.json"), entries);
        assertEquals(exec.get("code").asText(), SyncPlanner.plan(project, "_", Map.of())
                .step("action:/_/aio-demo-1.2.0/generic").orElseThrow().body().at("/exec/code").asText(),
                "the same files give the same code");
        assertEquals("debug", keyValues(plan.step("action:/_/aio-demo-1.2.0/generic").orElseThrow().body()
                .get("parameters")).get("LOG_LEVEL").asText());
    }

    @Test
    void aTriggerWithAFeedIsFollowedByItsFeedStep() throws IOException {
        SyncPlan plan = SyncPlanner.plan(ProjectLoader.load(Samples.copy(Samples.AIO_DEMO, dir)), "_", Map.of());
        List<String> ids = plan.steps().stream().map(SyncStep::id).toList();
        int trigger = ids.indexOf("trigger:/_/new-year");
        assertEquals("feed:/_/new-year", ids.get(trigger + 1));
        JsonNode triggerBody = plan.steps().get(trigger).body();
        assertEquals("/whisk.system/alarms/once", keyValues(triggerBody.get("annotations")).get("feed").asText());
        assertEquals(0, triggerBody.get("parameters").size());
        SyncStep feed = plan.steps().get(trigger + 1);
        assertEquals("/whisk.system/alarms/once", feed.body().get("feed").asText());
        assertEquals("2099-01-01T00:00:00.000Z", feed.body().at("/parameters/date").asText());
        assertEquals(List.of("trigger:/_/new-year"), feed.dependsOn());
        assertFalse(feed.body().toString().contains("23bc46b1"), "no key in a plan");
        Map<String, JsonNode> raw = keyValues(plan.step("action:/_/aio-demo-1.2.0/echo-raw").orElseThrow().body()
                .get("annotations"));
        assertTrue(raw.get("raw-http").asBoolean());
        assertEquals(10, plan.step("action:/_/aio-demo-1.2.0/echo-raw").orElseThrow().body().at("/limits/concurrency").asInt());
    }

    @Test
    void aPlanIsAValueItsStepsCannotBeChangedThroughTheirBodies() throws IOException {
        SyncPlan plan = SyncPlanner.plan(ProjectLoader.load(Samples.copy(Samples.PLAIN_JS, dir)), "_", Map.of());
        assertEquals(List.of("action:/_/add", "action:/_/hello"), plan.steps().stream().map(SyncStep::id).toList());
        ((ObjectNode) plan.steps().get(0).body()).put("exec", "changed");
        assertEquals("nodejs:default", plan.steps().get(0).body().at("/exec/kind").asText());
        assertEquals("SyncStep[action:/_/add]", plan.steps().get(0).toString());
    }

    @Test
    void aSourceDeletedAfterLoadingIsAClearError() throws IOException {
        Path folder = Samples.copy(Samples.PLAIN_JS, dir);
        Project project = ProjectLoader.load(folder);
        Files.delete(folder.resolve("add.js"));
        ProjectLoadException e = assertThrows(ProjectLoadException.class, () -> SyncPlanner.plan(project, "_", Map.of()));
        assertTrue(e.getMessage().contains("the code of action add is gone since the project was opened"), e.getMessage());
    }
}
