package dev.whiskstudio.app.simulator;

import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorStarterTest {
    @TempDir
    Path dataDir;

    private final SimulatorStarter starter = new SimulatorStarter();

    private SimConfig config(int port) {
        return SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(port);
    }

    @Test
    void takesTheRequestedPortWhenItIsFree() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        StartedSimulator started = starter.start(config(free));
        try {
            assertEquals(free, started.simulator().port());
            assertFalse(started.onOtherPort());
        } finally {
            started.simulator().close();
        }
    }

    @Test
    void takesAFreePortWhenAnotherProgramHoldsTheRequestedOne() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StartedSimulator started = starter.start(config(other.getLocalPort()));
            try {
                assertNotEquals(other.getLocalPort(), started.simulator().port());
                assertTrue(started.onOtherPort());
                assertEquals(other.getLocalPort(), started.requestedPort());
                try (OpenWhiskClient client = new OpenWhiskClient(started.target())) {
                    assertEquals(List.of("guest"), client.namespaces());
                }
            } finally {
                started.simulator().close();
            }
        }
    }

    @Test
    void portZeroIsNeverReportedAsAnotherPort() throws Exception {
        StartedSimulator started = starter.start(config(0));
        try {
            assertFalse(started.onOtherPort());
            assertTrue(started.target().apiHost().endsWith(":" + started.simulator().port()));
        } finally {
            started.simulator().close();
        }
    }

    @Test
    void aDataDirectoryThatCannotBeUsedIsNotMistakenForABusyPort() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("file"), "x");
        assertThrows(Exception.class, () -> starter.start(SimConfig.defaults(notADirectory, Profile.OPENWHISK).withPort(0)));
    }

    @Test
    void aBindFailureDeepInTheServersExceptionCountsAsABusyPort() {
        assertTrue(SimulatorStarter.addressInUse(
                new IOException("could not listen", new IllegalStateException(new java.net.BindException("in use")))));
        assertFalse(SimulatorStarter.addressInUse(new IOException("disk full")));
    }

    @Test
    void statesMoveOnlyForward() {
        assertTrue(SimulatorState.STARTING.canMoveTo(SimulatorState.RUNNING));
        assertTrue(SimulatorState.STARTING.canMoveTo(SimulatorState.FAILED));
        assertTrue(SimulatorState.RUNNING.canMoveTo(SimulatorState.STOPPED));
        assertFalse(SimulatorState.RUNNING.canMoveTo(SimulatorState.STARTING));
        assertFalse(SimulatorState.FAILED.canMoveTo(SimulatorState.RUNNING));
        assertFalse(SimulatorState.STOPPED.canMoveTo(SimulatorState.RUNNING));
    }
}
