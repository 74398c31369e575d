package dev.whiskstudio.app.workspace.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.Invocation;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.whiskstudio.app.workspace.sync.SimulatorTarget.GUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The aio sample, synced into a simulator with Adobe I/O Runtime's limits, and into one with OpenWhisk's. */
class AioProjectSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INVOKE = Duration.ofSeconds(30);
    @TempDir
    Path dataDir;
    @TempDir
    Path projects;

    private static SyncResult sync(Project project, SimulatorTarget target) throws IOException {
        return ProjectSync.run(ProjectSync.plan(project, "_", Map.of()), target.entry, SyncListener.NONE, () -> false);
    }

    @Test
    void theZipTheRawWebActionTheExtensionAndTheFeedAllWork() throws Exception {
        Project project = ProjectLoader.load(Samples.copy(Samples.AIO_DEMO, projects));
        try (SimulatorTarget target = new SimulatorTarget(dataDir, Profile.ADOBE_IO_RUNTIME)) {
            SyncResult result = sync(project, target);
            assertTrue(result.succeeded(), () -> result.summary() + " " + result.failed());

            JsonNode generic = target.client.get(GUEST, EntityCollection.ACTIONS, "aio-demo-1.2.0/generic");
            assertTrue(generic.at("/exec/binary").asBoolean());
            Invocation called = target.client.invoke(GUEST, "aio-demo-1.2.0/generic",
                    JSON.createObjectNode().put("name", "x"), true, INVOKE);
            assertEquals(200, called.status(), () -> String.valueOf(called.record()));
            JsonNode answer = called.record().at("/response/result");
            assertEquals("debug", answer.get("logLevel").asText(), "$LOG_LEVEL from .env");
            assertTrue(JSON.convertValue(answer.get("body"), List.class).contains("name"), answer.toString());

            JsonNode raw = target.web("/api/v1/web/guest/aio-demo-1.2.0/echo-raw.json?a=1&b=2");
            assertEquals("a=1&b=2", raw.at("/body/query").asText(), raw.toString());
            assertTrue(target.web("/api/v1/web/guest/dx-excshell-1/ping.json").at("/body/ok").asBoolean());

            JsonNode trigger = target.client.get(GUEST, EntityCollection.TRIGGERS, "new-year");
            assertTrue(trigger.get("annotations").toString().contains("/whisk.system/alarms/once"), trigger.toString());
            JsonNode read = JSON.createObjectNode().put("lifecycleEvent", "READ").put("triggerName", "/guest/new-year")
                    .put("authKey", Credential.GUEST.auth());
            Invocation status = target.client.invoke("whisk.system", "alarms/once", read, true, INVOKE);
            assertEquals(200, status.status(), () -> String.valueOf(status.record()));
            assertTrue(status.record().at("/response/result").toString().contains("2099"), status.record().toString());
            assertEquals("active", target.client.get(GUEST, EntityCollection.RULES, "new-year-generic")
                    .get("status").asText());

            SyncResult again = sync(project, target);
            assertTrue(again.succeeded(), () -> "the feed is recreated on a second sync: " + again.failed());
        }
    }

    @Test
    void onOpenWhiskLimitsTheConcurrencyIsRefusedWithThePlatformsMessageAndTheRestIsCreated() throws Exception {
        Project project = ProjectLoader.load(Samples.copy(Samples.AIO_DEMO, projects));
        try (SimulatorTarget target = new SimulatorTarget(dataDir, Profile.OPENWHISK)) {
            SyncResult result = sync(project, target);
            assertEquals(1, result.failed().size(), result.summary());
            StepResult refused = result.failed().get(0);
            assertEquals("action:/_/aio-demo-1.2.0/echo-raw", refused.step().id());
            assertEquals(400, refused.httpStatus());
            assertTrue(refused.message().contains("concurrency 10 exceeds allowed threshold of 1"), refused.message());
            assertEquals(result.results().size() - 1, result.done().size());
        }
    }
}
