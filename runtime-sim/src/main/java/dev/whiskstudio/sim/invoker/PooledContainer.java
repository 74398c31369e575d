package dev.whiskstudio.sim.invoker;

import dev.whiskstudio.sim.backend.Container;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * The life of one container in the pool. The pool changes {@link #state}, {@link #action} and {@link #active}
 * under its lock; the connections to the proxy are this container's own.
 */
final class PooledContainer {
    enum State {
        /** The backend is starting it. */
        STARTING,
        /** Started, not yet given an action: a stem cell. */
        PREWARMED,
        /** Given an action (initialised, or being initialised). */
        WARM,
        /** Warm and frozen while idle. */
        PAUSED,
        /** Gone, or going. */
        REMOVED
    }

    final String name;
    final String kind;
    final int memoryMb;
    final CompletableFuture<Container> started = new CompletableFuture<>();
    final ContainerLogs logs = new ContainerLogs();
    private final Deque<ProxyConnection> idleConnections = new ArrayDeque<>();

    State state = State.STARTING;
    ActionKey action;
    int active;
    long lastUsedNanos = System.nanoTime();
    /** Completes when {@code /init} for {@link #action} has finished (successfully or not). */
    CompletableFuture<InitOutcome> initialized;
    /**
     * Completes once the backend has paused the container after it was marked {@link State#PAUSED} (the pool marks
     * it under its lock and pauses it outside); guarded by the pool's lock.
     */
    CompletableFuture<Void> pausing = CompletableFuture.completedFuture(null);
    /** Set by the memory watchdog before it kills the container. */
    volatile boolean memoryExceeded;

    PooledContainer(String name, String kind, int memoryMb) {
        this.name = name;
        this.kind = kind;
        this.memoryMb = memoryMb;
    }

    /** The container, once started (callers only ask after {@link #started} completed). */
    Container container() {
        return started.getNow(null);
    }

    /** POSTs to the proxy on a pooled keep-alive connection; a broken connection is not reused. */
    ProxyResponse post(String path, byte[] body, int timeoutMs) throws IOException {
        ProxyConnection connection;
        synchronized (idleConnections) {
            connection = idleConnections.pollFirst();
        }
        if (connection == null) {
            connection = new ProxyConnection(container().port(),
                    timeoutMs == ProxyConnection.NO_TIMEOUT ? 5000 : Math.max(1, Math.min(timeoutMs, 5000)));
        }
        try {
            ProxyResponse response = connection.post(path, body, timeoutMs);
            synchronized (idleConnections) {
                idleConnections.addFirst(connection);
            }
            return response;
        } catch (SocketTimeoutException e) {
            connection.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Closes pooled connections (the container is going away). */
    void closeConnections() {
        synchronized (idleConnections) {
            idleConnections.forEach(ProxyConnection::close);
            idleConnections.clear();
        }
    }

    /** What {@code /init} came to. {@code failure} is null when it succeeded. */
    record InitOutcome(long initTimeMs, ActivationFailure failure) {
    }
}
