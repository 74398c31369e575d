package dev.whiskstudio.app.workspace.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.Invocation;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.whiskstudio.app.workspace.sync.SimulatorTarget.GUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Syncing the sample projects into a real simulator, then reading back and invoking what was created. */
class ProjectSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INVOKE = Duration.ofSeconds(30);
    @TempDir
    Path dataDir;
    @TempDir
    Path projects;
    private SimulatorTarget target;

    @BeforeEach
    void start() throws Exception {
        target = new SimulatorTarget(dataDir, Profile.OPENWHISK);
    }

    @AfterEach
    void stop() {
        target.close();
    }

    private SyncResult sync(Project project, SyncListener listener) throws IOException {
        return ProjectSync.run(ProjectSync.plan(project, "_", Map.of()), target.entry, listener, () -> false);
    }

    private static Map<String, JsonNode> keyValues(JsonNode list) {
        Map<String, JsonNode> map = new HashMap<>();
        list.forEach(kv -> map.put(kv.get("key").asText(), kv.get("value")));
        return map;
    }

    private JsonNode result(String action, JsonNode params) throws IOException {
        Invocation done = target.client.invoke(GUEST, action, params, true, INVOKE);
        assertEquals(200, done.status(), () -> "invoking " + action + ": " + done.record());
        return done.record().at("/response/result");
    }

    @Test
    void theManifestSampleIsCreatedAndEveryEntityReadsBackAndRuns() throws IOException {
        Project project = ProjectLoader.load(Samples.copy(Samples.MANIFEST_DEMO, projects));
        List<String> heard = new ArrayList<>();
        SyncResult result = sync(project, new SyncListener() {
            @Override
            public void started(int index, int total, SyncStep step) {
                heard.add("start " + (index + 1) + "/" + total + " " + step.describe());
            }

            @Override
            public void finished(int index, int total, StepResult r) {
                heard.add("end " + (index + 1) + "/" + total + " " + r.status());
            }
        });

        assertTrue(result.succeeded(), () -> result.summary() + " " + result.failed());
        assertEquals("Synced 6 of 6", result.summary());
        assertEquals(List.of("start 1/6 package demo", "end 1/6 DONE", "start 2/6 action demo/hello", "end 2/6 DONE",
                "start 3/6 action demo/shout", "end 3/6 DONE", "start 4/6 sequence demo/hello-loud", "end 4/6 DONE",
                "start 5/6 trigger greeting-requested", "end 5/6 DONE", "start 6/6 rule greet-on-request",
                "end 6/6 DONE"), heard);

        JsonNode pkg = target.client.get(GUEST, EntityCollection.PACKAGES, "demo");
        assertEquals("world", keyValues(pkg.get("parameters")).get("audience").asText());

        JsonNode hello = target.client.get(GUEST, EntityCollection.ACTIONS, "demo/hello");
        assertEquals("nodejs:20", hello.at("/exec/kind").asText());
        assertTrue(hello.at("/exec/code").asText().contains("params.greeting"));
        assertEquals("Hello", keyValues(hello.get("parameters")).get("greeting").asText());

        JsonNode shout = target.client.get(GUEST, EntityCollection.ACTIONS, "demo/shout");
        assertEquals("nodejs:20", shout.at("/exec/kind").asText(), "nodejs:default is the simulator's nodejs:20");
        Map<String, JsonNode> annotations = keyValues(shout.get("annotations"));
        assertTrue(annotations.get("web-export").asBoolean());
        assertTrue(annotations.get("final").asBoolean());
        assertEquals(5000, shout.at("/limits/timeout").asInt());
        assertEquals(128, shout.at("/limits/memory").asInt());

        JsonNode sequence = target.client.get(GUEST, EntityCollection.ACTIONS, "demo/hello-loud");
        assertEquals(List.of("/guest/demo/hello", "/guest/demo/shout"),
                JSON.convertValue(sequence.at("/exec/components"), List.class));

        JsonNode trigger = target.client.get(GUEST, EntityCollection.TRIGGERS, "greeting-requested");
        assertEquals("trigger", keyValues(trigger.get("parameters")).get("name").asText());
        JsonNode rule = target.client.get(GUEST, EntityCollection.RULES, "greet-on-request");
        assertEquals("active", rule.get("status").asText());
        assertEquals("hello", rule.at("/action/name").asText());
        assertEquals("guest/demo", rule.at("/action/path").asText());

        // the $GREETING of .env arrived, the package's audience is inherited, the sequence chains both actions
        assertEquals("Hello, world!", result("demo/hello", null).get("message").asText());
        assertEquals("HELLO, WORLD!", result("demo/hello-loud", null).get("message").asText());
        assertEquals("HI", target.web("/api/v1/web/guest/demo/shout.json?message=hi").get("message").asText());

        // the rule is live: firing the trigger invokes hello with the trigger's parameters
        assertEquals(202, target.fire("greeting-requested", JSON.createObjectNode()));
        JsonNode fromRule = SimulatorTarget.await(Duration.ofSeconds(30), "hello invoked by the rule", () -> {
            try {
                for (JsonNode a : target.client.listActivations(GUEST, "demo/hello", 10, 0, 0, true)) {
                    if ("Hello, trigger!".equals(a.at("/response/result/message").asText())) {
                        return a;
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(fromRule.at("/response/success").asBoolean());
    }

    @Test
    void syncingAgainUpdatesWhatTheFirstSyncCreated() throws IOException {
        Path folder = Samples.copy(Samples.MANIFEST_DEMO, projects);
        assertTrue(sync(ProjectLoader.load(folder), SyncListener.NONE).succeeded());
        assertEquals("Hello, world!", result("demo/hello", null).get("message").asText());

        Files.writeString(folder.resolve("src/hello.js"),
                "function main(params) { return { message: `${params.greeting} again, ${params.audience}` }; }\n");
        Files.writeString(folder.resolve(".env"), "GREETING=Welcome\n");
        SyncResult second = sync(ProjectLoader.load(folder), SyncListener.NONE);

        assertTrue(second.succeeded(), () -> second.summary() + " " + second.failed());
        assertEquals("0.0.2", target.client.get(GUEST, EntityCollection.ACTIONS, "demo/hello").get("version").asText());
        assertEquals("Welcome again, world", result("demo/hello", null).get("message").asText());
        assertEquals("WELCOME AGAIN, WORLD", result("demo/hello-loud", null).get("message").asText());
        assertEquals("active", target.client.get(GUEST, EntityCollection.RULES, "greet-on-request").get("status").asText());
    }

    @Test
    void aBrokenStepFailsWithThePlatformsWordsAndEverythingNotDependingOnItIsCreated() throws IOException {
        Path folder = projects.resolve("broken");
        Samples.write(folder, "ok.js", "function main() { return { ok: true }; }");
        Samples.write(folder, "manifest.yml", """
                packages:
                  demo:
                    actions:
                      ok: {function: ok.js}
                      bad!: {function: ok.js}
                    sequences:
                      uses-bad: {actions: "ok, bad!"}
                      uses-missing: {actions: "ok, not-there"}
                      fine: {actions: ok}
                    triggers:
                      tick: {}
                    rules:
                      on-bad: {trigger: tick, action: bad!}
                      on-ok: {trigger: tick, action: ok}
                """);
        SyncResult result = sync(ProjectLoader.load(folder), SyncListener.NONE);

        assertFalse(result.succeeded());
        Map<String, StepResult> byId = new HashMap<>();
        result.results().forEach(r -> byId.put(r.step().id(), r));
        StepResult bad = byId.get("action:/_/demo/bad!");
        assertEquals(StepStatus.FAILED, bad.status());
        assertEquals("The name of the entity contains illegal characters.", bad.message());
        assertEquals(400, bad.httpStatus());

        StepResult usesBad = byId.get("sequence:/_/demo/uses-bad");
        assertEquals(StepStatus.SKIPPED, usesBad.status());
        assertEquals("Skipped: it needs the action demo/bad!, which failed.", usesBad.message());
        StepResult missing = byId.get("sequence:/_/demo/uses-missing");
        assertEquals(StepStatus.FAILED, missing.status());
        assertEquals(400, missing.httpStatus());
        assertTrue(missing.message().toLowerCase().contains("component"), missing.message());
        assertEquals(StepStatus.SKIPPED, byId.get("rule:/_/on-bad").status());

        for (String done : List.of("package:/_/demo", "action:/_/demo/ok", "sequence:/_/demo/fine", "trigger:/_/tick",
                "rule:/_/on-ok")) {
            assertEquals(StepStatus.DONE, byId.get(done).status(), done);
        }
        assertEquals("5 of 9 done, 2 failed, 2 skipped", result.summary());
        assertTrue(result.notRun().isEmpty());
        assertTrue(result("demo/fine", null).get("ok").asBoolean());
        assertEquals(404, assertThrows(OpenWhiskException.class,
                () -> target.client.get(GUEST, EntityCollection.RULES, "on-bad")).status());
    }

    @Test
    void cancellingStopsBetweenStepsAndSaysWhatWasDone() throws IOException {
        Project project = ProjectLoader.load(Samples.copy(Samples.MANIFEST_DEMO, projects));
        AtomicBoolean cancel = new AtomicBoolean();
        SyncPlan plan = ProjectSync.plan(project, "_", Map.of());
        SyncResult result = ProjectSync.run(plan, target.entry, (index, total, r) -> {
            if (index == 1) {
                cancel.set(true);
            }
        }, cancel::get);

        assertTrue(result.cancelled());
        assertEquals(List.of("package:/_/demo", "action:/_/demo/hello"),
                result.results().stream().map(r -> r.step().id()).toList());
        assertTrue(result.results().stream().allMatch(StepResult::ok));
        assertEquals(plan.steps().subList(2, 6), result.notRun());
        assertEquals("Cancelled: 2 of 6 done", result.summary());
        assertEquals("nodejs:20", target.client.get(GUEST, EntityCollection.ACTIONS, "demo/hello").at("/exec/kind").asText());
        assertEquals(404, assertThrows(OpenWhiskException.class,
                () -> target.client.get(GUEST, EntityCollection.ACTIONS, "demo/shout")).status());
    }

    @Test
    void aPlainFolderIsSyncedIntoTheDefaultPackage() throws IOException {
        SyncResult result = sync(ProjectLoader.load(Samples.copy(Samples.PLAIN_JS, projects)), SyncListener.NONE);
        assertTrue(result.succeeded(), result::summary);
        assertEquals(5, result("add", JSON.createObjectNode().put("a", 2).put("b", 3)).get("sum").asInt());
        assertEquals("Hello, stranger", result("hello", null).get("greeting").asText());
    }

    @Test
    void anUnreachableTargetStopsTheSyncAfterItsFirstStep() throws IOException {
        Project project = ProjectLoader.load(Samples.copy(Samples.MANIFEST_DEMO, projects));
        TargetEntry nowhere = TargetEntry.of(new Target("gone", "http://127.0.0.1:1", Credential.GUEST.auth()), null,
                TargetSource.USER, null);
        SyncResult result = ProjectSync.run(ProjectSync.plan(project, "_", Map.of()), nowhere, SyncListener.NONE,
                () -> false);
        assertEquals(1, result.results().size());
        assertEquals(StepStatus.FAILED, result.results().get(0).status());
        assertEquals("The target refused the connection: is it running?", result.results().get(0).message());
        assertEquals("the target cannot be reached", result.stopReason());
        assertEquals(5, result.notRun().size());
        assertFalse(result.cancelled());
    }
}
