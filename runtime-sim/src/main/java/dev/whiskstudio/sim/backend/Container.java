package dev.whiskstudio.sim.backend;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A running container: its proxy's loopback endpoint, its output, and the moves the invoker makes on it. */
public interface Container {

    /** The backend's id (a process id, a Docker container id). */
    String id();

    /** The port on 127.0.0.1 where the action proxy serves {@code /init} and {@code /run}. */
    int port();

    /**
     * Receives every line the container writes on stdout and stderr, in order per stream, from the time of the call.
     * One consumer per container; it is called on a backend thread and must not block.
     */
    void onOutput(Consumer<OutputLine> consumer);

    /** Freezes the container (no CPU) while it is idle. */
    void pause();

    /** Thaws a paused container. */
    void resume();

    /** Kills the container and frees what it held; safe to call more than once. */
    void destroy();

    /** Completes when the container has stopped for any reason (crash, exit, destroy). */
    CompletableFuture<Void> exited();

    /** The container's resident memory in bytes, or -1 when the backend cannot tell. */
    long residentMemoryBytes();

    /** Once it has exited: whether it died of its memory limit. */
    boolean diedOfMemory();

    /**
     * Whether the backend holds the container to its memory limit itself (a cgroup); otherwise the invoker watches
     * its resident memory.
     */
    default boolean enforcesMemoryLimit() {
        return false;
    }

    /**
     * For a container started with {@link ContainerSpec#inspector()}: the debugger's WebSocket URL
     * ({@code ws://127.0.0.1:PORT/ID}), known by the time the backend returned it; null otherwise.
     */
    default String inspectorUrl() {
        return null;
    }

    /**
     * Where the proxy keeps the action's files (inline code as {@code action.js} in it, archives unpacked below it),
     * as the processes in the container see it; null when the backend does not know.
     */
    default String workDir() {
        return null;
    }
}
