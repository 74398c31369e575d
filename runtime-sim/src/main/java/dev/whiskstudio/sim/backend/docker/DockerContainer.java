package dev.whiskstudio.sim.backend.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.whiskstudio.plugin.RuntimeProvider;
import dev.whiskstudio.sim.backend.Container;
import dev.whiskstudio.sim.backend.OutputLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One Docker container running an action proxy on the host network. Its log stream is followed from the start: the
 * proxy's ready line gives the port, later lines go to the output consumer, and the end of the stream means the
 * container stopped, when its final state (exit code, {@code OOMKilled}) is read once and kept.
 */
public final class DockerContainer implements Container {
    private static final Logger LOG = LoggerFactory.getLogger(DockerContainer.class);
    /** Lines kept from before the ready line, for the message when the proxy never gets ready. */
    private static final int STARTUP_LINES_KEPT = 100;

    private final DockerEngine engine;
    private final String id;
    private final String name;
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();
    /** The debugger's URL; done at once (null) for a container without one. */
    private final CompletableFuture<String> inspector = new CompletableFuture<>();
    private final String inspectorPrefix;
    private final String workDir;
    private final CompletableFuture<ContainerExit> exit = new CompletableFuture<>();
    private final CompletableFuture<Void> exited = exit.thenApply(e -> null);
    private final ArrayDeque<OutputLine> startupLines = new ArrayDeque<>();
    /** Set once {@link #destroy()} starts removing it: an end seen after that is the destroy's doing. */
    private final AtomicBoolean destroying = new AtomicBoolean();
    private final AtomicBoolean removed = new AtomicBoolean();
    private volatile Consumer<OutputLine> consumer;
    private volatile int port = -1;
    private volatile LogFollower logs;

    /**
     * @param inspectorPrefix the debugger's announcement on stderr, or null when it runs without one
     * @param workDir         where its proxy keeps the action's files, when the command fixed it (else null)
     */
    DockerContainer(DockerEngine engine, String id, String name, String inspectorPrefix, String workDir) {
        this.engine = engine;
        this.id = id;
        this.name = name;
        this.inspectorPrefix = inspectorPrefix;
        this.workDir = workDir;
        if (inspectorPrefix == null) {
            inspector.complete(null);
        }
    }

    @Override
    public String inspectorUrl() {
        return inspector.getNow(null);
    }

    @Override
    public String workDir() {
        return workDir;
    }

    @Override
    public String id() {
        return id;
    }

    /** The Docker container name. */
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void onOutput(Consumer<OutputLine> newConsumer) {
        this.consumer = newConsumer;
    }

    @Override
    public void pause() {
        try {
            engine.client().pauseContainerCmd(id).exec();
        } catch (ConflictException e) {
            if (!Boolean.TRUE.equals(state().getPaused())) {
                throw new IllegalStateException("Cannot pause container " + name + ": " + e.getMessage(), e);
            }
        } catch (DockerException e) {
            throw new IllegalStateException("Cannot pause container " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void resume() {
        try {
            engine.client().unpauseContainerCmd(id).exec();
        } catch (ConflictException e) {
            InspectContainerResponse.ContainerState state = state();
            if (Boolean.TRUE.equals(state.getPaused()) || !Boolean.TRUE.equals(state.getRunning())) {
                throw new IllegalStateException("Cannot resume container " + name + ": " + e.getMessage(), e);
            }
        } catch (DockerException e) {
            throw new IllegalStateException("Cannot resume container " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        if (removed.get()) {
            return;
        }
        // Read the final state first: a container that died (of its memory limit, say) and is removed at once
        // would otherwise take its OOMKilled flag with it.
        if (!exit.isDone()) {
            try {
                InspectContainerResponse.ContainerState state = state();
                if (!Boolean.TRUE.equals(state.getRunning())) {
                    exit.complete(exitOf(state, false));
                }
            } catch (NotFoundException gone) {
                exit.complete(new ContainerExit(-1, false, false));
            } catch (DockerException e) {
                LOG.debug("Cannot inspect container {} before removing it", name, e);
            }
        }
        destroying.set(true);
        try {
            engine.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException alreadyGone) {
            // Removed by someone else (removeOrphans of another backend, docker rm): the end is the same.
        } catch (ConflictException inProgress) {
            // "removal already in progress": another thread is doing the same.
        } catch (DockerException e) {
            LOG.warn("Cannot remove container {}: {}", name, e.getMessage());
            destroying.set(false);
            return;
        }
        removed.set(true);
        exit.complete(new ContainerExit(137, false, true));
        closeLogs();
    }

    @Override
    public CompletableFuture<Void> exited() {
        return exited;
    }

    /**
     * How the container ended: completes when it has stopped for any reason. After a {@code /run} that failed
     * because the connection dropped, wait for this (briefly) before destroying, to learn whether the memory limit
     * killed it.
     */
    public CompletableFuture<ContainerExit> exitStatus() {
        // completes after exited(): whoever is told of the exit finds exited() done too (dependents of one future
        // complete in no promised order)
        return exited.thenApply(v -> exit.join());
    }

    /**
     * Whether the kernel killed the container for exceeding its memory limit. Once it has stopped this is what
     * {@link #exitStatus()} says; before, it asks the engine (false while it runs).
     */
    @Override
    public boolean diedOfMemory() {
        return oomKilled();
    }

    /** The kernel enforces the limit through the container's cgroup. */
    @Override
    public boolean enforcesMemoryLimit() {
        return true;
    }

    public boolean oomKilled() {
        if (exit.isDone()) {
            return exit.join().oomKilled();
        }
        try {
            return Boolean.TRUE.equals(state().getOOMKilled());
        } catch (NotFoundException gone) {
            return false;
        }
    }

    @Override
    public long residentMemoryBytes() {
        if (exit.isDone()) {
            return -1;
        }
        return engine.memoryUsage(id).orElse(-1);
    }

    // ---- used by DockerBackend while starting it

    /** Starts following the log stream from the container's first line. */
    void followLogs() {
        LogFollower follower = new LogFollower(new LogFollower.Sink() {
            @Override
            public void line(boolean stderr, String text) {
                onLine(stderr, text);
            }

            @Override
            public void ended(Throwable error) {
                onLogsEnded(error);
            }
        });
        logs = follower;
        engine.client().logContainerCmd(id)
                .withStdOut(true).withStdErr(true).withFollowStream(true).withTailAll()
                .exec(follower);
    }

    /**
     * Waits for the proxy's ready line and returns its port.
     *
     * @throws IOException with the reason (timeout, exit before ready, a malformed line)
     */
    int awaitReady(Duration timeout) throws IOException, InterruptedException {
        try {
            CompletableFuture.allOf(ready, inspector).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return ready.join();
        } catch (TimeoutException e) {
            throw new IOException(ready.isDone() ? "its debugger did not announce itself within " + timeout.toMillis() + " ms"
                    : "its proxy did not print its ready line within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** What the container printed before the ready line (or until it failed), one line each, for messages. */
    String startupOutput() {
        List<OutputLine> lines;
        synchronized (startupLines) {
            lines = new ArrayList<>(startupLines);
        }
        StringBuilder text = new StringBuilder();
        for (OutputLine line : lines) {
            text.append(line.stderr() ? "[stderr] " : "[stdout] ").append(line.text()).append('\n');
        }
        return text.toString();
    }

    private void onLine(boolean stderr, String text) {
        if (stderr && !inspector.isDone() && text.startsWith(inspectorPrefix)) {
            inspector.complete(text.substring(inspectorPrefix.length()).strip());
            return;
        }
        OutputLine line = new OutputLine(stderr, text, System.currentTimeMillis());
        if (!ready.isDone()) {
            if (!stderr && text.startsWith(RuntimeProvider.READY_LINE_PREFIX)) {
                String portText = text.substring(RuntimeProvider.READY_LINE_PREFIX.length()).strip();
                try {
                    port = Integer.parseInt(portText);
                    ready.complete(port);
                } catch (NumberFormatException e) {
                    ready.completeExceptionally(new IOException("its proxy printed a malformed ready line: " + text));
                }
                return;
            }
            synchronized (startupLines) {
                if (startupLines.size() == STARTUP_LINES_KEPT) {
                    startupLines.removeFirst();
                }
                startupLines.addLast(line);
            }
            return;
        }
        Consumer<OutputLine> current = consumer;
        if (current != null) {
            try {
                current.accept(line);
            } catch (RuntimeException e) {
                LOG.warn("Output consumer of container {} failed", name, e);
            }
        }
    }

    private void onLogsEnded(Throwable error) {
        recordExit(error != null);
        if (!ready.isDone()) {
            String how = exit.isDone() && exit.join().exitCode() >= 0
                    ? "it exited with code " + exit.join().exitCode() + (exit.join().oomKilled() ? " (out of memory)" : "")
                    : "it stopped";
            ready.completeExceptionally(new IOException(how + " before its proxy was ready"));
        }
        inspector.completeExceptionally(new IOException("it stopped before its debugger was announced"));
    }

    /** Reads the final state from the engine; if it still runs (the stream broke), waits for it to stop. */
    private void recordExit(boolean streamBroke) {
        if (exit.isDone()) {
            return;
        }
        try {
            InspectContainerResponse.ContainerState state = state();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                exit.complete(exitOf(state, destroying.get()));
                return;
            }
        } catch (NotFoundException gone) {
            exit.complete(new ContainerExit(-1, false, destroying.get()));
            return;
        } catch (DockerException | IllegalStateException e) {
            LOG.debug("Cannot inspect container {} after its logs ended", name, e);
        }
        if (streamBroke && destroying.get()) {
            return;
        }
        LOG.debug("Log stream of container {} ended while it runs; waiting for it to stop", name);
        try {
            engine.client().waitContainerCmd(id).exec(new WaitContainerResultCallback() {
                @Override
                public void onComplete() {
                    super.onComplete();
                    recordExitAfterWait();
                }

                @Override
                public void onError(Throwable throwable) {
                    super.onError(throwable);
                    recordExitAfterWait();
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("Cannot wait for container {}", name, e);
        }
    }

    private void recordExitAfterWait() {
        if (exit.isDone()) {
            return;
        }
        try {
            InspectContainerResponse.ContainerState state = state();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                exit.complete(exitOf(state, destroying.get()));
            }
        } catch (NotFoundException gone) {
            exit.complete(new ContainerExit(-1, false, destroying.get()));
        } catch (RuntimeException e) {
            LOG.warn("Lost track of container {}: {}", name, e.getMessage());
        }
    }

    private InspectContainerResponse.ContainerState state() {
        return engine.client().inspectContainerCmd(id).exec().getState();
    }

    private static ContainerExit exitOf(InspectContainerResponse.ContainerState state, boolean destroyed) {
        Long code = state.getExitCodeLong();
        return new ContainerExit(code == null ? -1 : code.intValue(), Boolean.TRUE.equals(state.getOOMKilled()),
                destroyed);
    }

    private void closeLogs() {
        LogFollower follower = logs;
        if (follower != null) {
            try {
                follower.close();
            } catch (IOException e) {
                LOG.debug("Closing the log stream of {}", name, e);
            }
        }
    }

    @Override
    public String toString() {
        return "DockerContainer[" + name + " " + id.substring(0, Math.min(12, id.length())) + " port " + port + "]";
    }
}
