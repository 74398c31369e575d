package dev.whiskstudio.sim;

import java.io.IOException;

/** The simulator's port is taken by another program. */
public final class PortInUseException extends IOException {
    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("Port " + port + " on " + host + " is already in use. Stop the program using it, or choose another port (--port).",
                cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
