package dev.whiskstudio.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.config.SimConfigLoader;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.store.ActivationRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two profiles' ranges and defaults, the YAML config file, the command line and activation retention. */
class ProfileAndConfigTest {
    @TempDir
    Path dir;

    @Test
    void adobeProfileHasItsOwnRangesAndDefaults() {
        try (SimHarness sim = new SimHarness(SimConfig.defaults(dir, Profile.ADOBE_IO_RUNTIME))) {
            Reply created = sim.guest().put("/api/v1/namespaces/_/actions/big",
                    "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"limits\":{\"memory\":4096}}");
            assertEquals(200, created.status(), created.text());
            assertEquals(200, created.json().at("/limits/concurrency").asInt(), "Adobe's default concurrency");
            Reply tooMuch = sim.guest().put("/api/v1/namespaces/_/actions/bigger",
                    "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"limits\":{\"concurrency\":501}}");
            assertEquals("requirement failed: concurrency 501 exceeds allowed threshold of 500", tooMuch.error());
            Reply page = sim.guest().get("/api/v1/namespaces/_/activations?limit=51");
            assertEquals("The query parameter 'limit' was malformed:\nThe value '51' is not in the range of 0 to 50 for activations.",
                    page.error());
            assertEquals(100, sim.guest().get("/api/v1/namespaces/_/limits").json().get("concurrentInvocations").asInt());
        }
    }

    @Test
    void openwhiskProfileRefusesWhatAdobeAllows() {
        try (SimHarness sim = new SimHarness(SimConfig.defaults(dir, Profile.OPENWHISK))) {
            Reply r = sim.guest().put("/api/v1/namespaces/_/actions/big",
                    "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"limits\":{\"memory\":4096}}");
            assertEquals(400, r.status());
        }
    }

    @Test
    void configFileAddsNamespacesAndLimits() throws Exception {
        Path file = dir.resolve("sim.yaml");
        Files.writeString(file, String.join("\n",
                "profile: adobe-io-runtime",
                "activationRetentionHours: 24",
                "namespaces:",
                "  - name: team",
                "    auth: \"1111:secret\"",
                "limits:",
                "  concurrentInvocations: 7",
                "  invocationsPerMinute: 70"));
        SimConfig config = SimConfigLoader.apply(SimConfig.defaults(dir, Profile.OPENWHISK), file);
        assertEquals(Profile.ADOBE_IO_RUNTIME, config.profile());
        assertEquals(Duration.ofHours(24), config.limits().activationRetention());
        assertEquals(7, config.limits().concurrentInvocations());
        try (SimHarness sim = new SimHarness(config)) {
            assertEquals("[\"team\"]", sim.as(Credential.parse("team", "1111:secret")).get("/api/v1/namespaces").text());
            assertEquals(200, sim.guest().get("/api/v1/namespaces").status(), "the guest key stays");
        }
        Files.writeString(file, "limits:\n  nonsense: 1\n");
        assertThrows(IllegalArgumentException.class, () -> SimConfigLoader.apply(SimConfig.defaults(dir, Profile.OPENWHISK), file));
    }

    @Test
    void commandLineFlagsWinOverTheConfigFile() throws Exception {
        Path file = dir.resolve("sim.yaml");
        Files.writeString(file, "port: 4000\nprofile: adobe-io-runtime\n");
        SimConfig config = Main.parse(new String[]{"serve", "--config", file.toString(), "--port", "4100",
                "--data-dir", dir.toString()});
        assertEquals(4100, config.port());
        assertEquals(Profile.ADOBE_IO_RUNTIME, config.profile());
        assertEquals(dir, config.dataDir());
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"serve", "--port", "x"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"serve", "--profile", "aws"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"serve", "--bogus", "1"}));
    }

    @Test
    void activationsOlderThanTheRetentionAreRemoved() throws Exception {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        SimConfig config = SimConfig.defaults(dir, Profile.ADOBE_IO_RUNTIME).withPort(0);
        try (Simulator sim = Simulator.start(config, Clock.fixed(now, ZoneOffset.UTC))) {
            long eightDaysAgo = now.minus(Duration.ofDays(8)).toEpochMilli();
            long sixDaysAgo = now.minus(Duration.ofDays(6)).toEpochMilli();
            sim.activations().insertAll(List.of(row("0".repeat(31) + "1", eightDaysAgo), row("0".repeat(31) + "2", sixDaysAgo)));
            assertEquals(1, sim.removeExpiredActivations(), "Adobe keeps 7 days");
            assertTrue(sim.activations().get("guest", "0".repeat(31) + "2").isPresent());
            assertTrue(sim.activations().get("guest", "0".repeat(31) + "1").isEmpty());
        }
    }

    @Test
    void aSecondSimulatorOnTheSameDataDirectoryOrPortIsRefusedClearly() throws Exception {
        try (Simulator first = Simulator.start(SimConfig.defaults(dir, Profile.OPENWHISK).withPort(0))) {
            Path other = dir.resolve("other");
            dev.whiskstudio.sim.store.DataDirLock.DataDirInUseException sameDir = assertThrows(
                    dev.whiskstudio.sim.store.DataDirLock.DataDirInUseException.class,
                    () -> Simulator.start(SimConfig.defaults(dir, Profile.OPENWHISK).withPort(0)));
            assertTrue(sameDir.getMessage().contains("is in use by another simulator"), sameDir.getMessage());
            PortInUseException samePort = assertThrows(PortInUseException.class,
                    () -> Simulator.start(SimConfig.defaults(other, Profile.OPENWHISK).withPort(first.port())));
            assertEquals(first.port(), samePort.port());
        }
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Exception notADir = assertThrows(java.io.IOException.class,
                () -> Simulator.start(SimConfig.defaults(file, Profile.OPENWHISK).withPort(0)));
        assertTrue(notADir.getMessage().contains("is not a directory"), notADir.getMessage());
    }

    private static ActivationRow row(String id, long start) {
        return ActivationRow.of(new ActivationRecord("guest", null, "a", "0.0.1", "guest", id, start, start + 1, false,
                List.of(), ActivationStatus.SUCCESS, null, JsonNodeFactory.instance.arrayNode(), null));
    }
}
