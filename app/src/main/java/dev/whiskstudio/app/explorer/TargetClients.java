package dev.whiskstudio.app.explorer;

import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.Target;

import java.util.Objects;
import java.util.function.Function;

/**
 * The REST client of the current target, made once per target and made again when the target changes, so views
 * reuse its connections instead of opening a pool per request. Thread-safe: background tasks ask it for the client.
 */
public final class TargetClients implements AutoCloseable {
    private final Function<Target, OpenWhiskClient> factory;
    private Target target;
    private OpenWhiskClient client;

    public TargetClients() {
        this(OpenWhiskClient::new);
    }

    public TargetClients(Function<Target, OpenWhiskClient> factory) {
        this.factory = Objects.requireNonNull(factory);
    }

    /** The client for {@code current}; the previous target's client is closed when the target changed. */
    public synchronized OpenWhiskClient clientFor(Target current) {
        Objects.requireNonNull(current, "target");
        if (!current.equals(target)) {
            if (client != null) {
                client.close();
            }
            client = factory.apply(current);
            target = current;
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
            target = null;
        }
    }
}
