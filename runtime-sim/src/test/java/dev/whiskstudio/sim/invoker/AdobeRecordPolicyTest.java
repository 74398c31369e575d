package dev.whiskstudio.sim.invoker;

import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.whiskstudio.sim.invoker.Actions.action;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Adobe I/O Runtime records a successful blocking activation only when the request asks for it with
 * {@code X-OW-EXTRA-LOGGING: on}; failures and non-blocking activations are always recorded.
 */
class AdobeRecordPolicyTest {
    @TempDir
    Path dataDir;

    @Test
    void successfulBlockingActivationsAreRecordedOnlyWithExtraLogging() {
        try (SimHarness sim = new SimHarness(SimConfig.defaults(dataDir, Profile.ADOBE_IO_RUNTIME))) {
            SimHarness.Client guest = sim.guest();
            guest.put("/api/v1/namespaces/_/actions/ok", action(Actions.ECHO));
            guest.put("/api/v1/namespaces/_/actions/bad", action("function main() { return { error: 'no' }; }"));
            String quiet = guest.post("/api/v1/namespaces/_/actions/ok?blocking=true", "{}").json().get("activationId").asText();
            String failed = guest.post("/api/v1/namespaces/_/actions/bad?blocking=true", "{}").json().get("activationId").asText();
            String async = guest.post("/api/v1/namespaces/_/actions/ok", "{}").json().get("activationId").asText();
            Reply logged = guest.send("POST", "/api/v1/namespaces/_/actions/ok?blocking=true", "{}", "application/json",
                    b -> b.header("X-OW-EXTRA-LOGGING", "on"));
            String loggedId = logged.json().get("activationId").asText();
            for (String id : new String[]{failed, async, loggedId}) {
                Poll.until(Duration.ofSeconds(10), "record " + id,
                        () -> guest.get("/api/v1/namespaces/_/activations/" + id).status() == 200);
            }
            assertEquals(404, guest.get("/api/v1/namespaces/_/activations/" + quiet).status(),
                    "a successful blocking activation without extra logging is not kept");
        }
    }
}
