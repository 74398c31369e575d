package dev.whiskstudio.app.simulator;

import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.SimConfig;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.SQLException;

/**
 * Starts the simulator on the configured port, or on a free port when another program already listens there (a
 * second Whisk Studio, a local OpenWhisk): the user gets a working simulator either way, and the window says which
 * port it took. Blocks while the store opens and the server binds: call it off the UI thread.
 */
public final class SimulatorStarter {

    public StartedSimulator start(SimConfig config) throws IOException, SQLException {
        StartedSimulator started = startOnAFreePort(config);
        // its containers are child processes: a JVM ended by a signal must still stop them
        ExitGuard.watch(started.simulator());
        return started;
    }

    private static StartedSimulator startOnAFreePort(SimConfig config) throws IOException, SQLException {
        if (config.port() != 0 && !canListen(config.host(), config.port())) {
            return new StartedSimulator(Simulator.start(config.withPort(0)), config.port());
        }
        try {
            return new StartedSimulator(Simulator.start(config), config.port());
        } catch (IOException e) {
            // another program took the port between the look and the start
            if (config.port() == 0 || !addressInUse(e)) {
                throw e;
            }
            return new StartedSimulator(Simulator.start(config.withPort(0)), config.port());
        }
    }

    /**
     * Whether the port is free, asked before starting: the server's own bind failure is logged as an error with a
     * stack trace, which a busy port does not deserve.
     */
    private static boolean canListen(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            // the server binds with SO_REUSEADDR too, so a port in TIME_WAIT counts as free for both
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean addressInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
