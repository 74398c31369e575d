package dev.whiskstudio.sim.invoker;

import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.whiskstudio.sim.invoker.Actions.action;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stopping the simulator leaves no container process behind. */
class CleanupTest {
    @TempDir
    Path dataDir;

    private static List<ProcessHandle> nodeChildren() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("node")).orElse(false)).toList();
    }

    @Test
    void closingTheSimulatorKillsEveryContainer() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK);
        config = config.withLimits(config.limits().withInvocationsPerMinute(1000));
        SimHarness sim = new SimHarness(config);
        try {
            sim.guest().put("/api/v1/namespaces/_/actions/a", action(Actions.ECHO));
            sim.guest().put("/api/v1/namespaces/_/actions/b", action("function main() { while (true) {} }", "{\"timeout\":30000}"));
            sim.guest().post("/api/v1/namespaces/_/actions/a?blocking=true", "{}");
            sim.guest().post("/api/v1/namespaces/_/actions/b", "{}");
            Poll.until(Duration.ofSeconds(15), "prewarm, warm and busy containers", () -> nodeChildren().size() >= 3);
        } finally {
            sim.close();
        }
        Poll.until(Duration.ofSeconds(10), "every node process to be gone", () -> nodeChildren().isEmpty());
        assertEquals(List.of(), nodeChildren());
    }
}
