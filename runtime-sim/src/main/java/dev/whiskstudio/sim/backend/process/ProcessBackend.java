package dev.whiskstudio.sim.backend.process;

import dev.whiskstudio.plugin.PluginRegistry;
import dev.whiskstudio.plugin.ProxyLaunch;
import dev.whiskstudio.plugin.ProxyRequest;
import dev.whiskstudio.plugin.RuntimeProvider;
import dev.whiskstudio.sim.backend.Container;
import dev.whiskstudio.sim.backend.ContainerBackend;
import dev.whiskstudio.sim.backend.ContainerSpec;
import dev.whiskstudio.sim.backend.ContainerStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The default backend: each container is a child process running the runtime plugin's action proxy. Every process
 * carries {@code WHISK_SIM_OWNER} in its environment, so the orphans of a simulator killed with {@code kill -9} are
 * found and killed at its next start.
 */
public final class ProcessBackend implements ContainerBackend {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessBackend.class);
    static final String OWNER_VARIABLE = "WHISK_SIM_OWNER";
    private static final long READY_TIMEOUT_MS = 15_000;

    private final PluginRegistry plugins;
    private final Path scratchRoot;
    private final String ownerId;
    private final Set<ProcessContainer> running = ConcurrentHashMap.newKeySet();

    /**
     * @param scratchRoot where each container gets a scratch directory
     * @param ownerId     names this simulator instance (one per data directory)
     */
    public ProcessBackend(PluginRegistry plugins, Path scratchRoot, String ownerId) {
        this.plugins = plugins;
        this.scratchRoot = scratchRoot;
        this.ownerId = ownerId;
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public Container start(ContainerSpec spec) throws ContainerStartException {
        RuntimeProvider runtime = plugins.runtimeFor(spec.kind());
        if (runtime == null) {
            throw new ContainerStartException("no runtime plugin runs kind " + spec.kind());
        }
        if (spec.inspector() && !runtime.supportsInspector()) {
            throw new ContainerStartException("the runtime of kind " + spec.kind() + " cannot run under a debugger");
        }
        Path scratch = scratchRoot.resolve(spec.name());
        ProxyLaunch launch;
        Process process;
        try {
            Files.createDirectories(scratch);
            launch = runtime.launch(new ProxyRequest(spec.kind(), 0, spec.memoryMb(), scratch, spec.inspector()));
            ProcessBuilder pb = new ProcessBuilder(launch.command()).directory(launch.workingDir().toFile());
            pb.environment().putAll(spec.environment());
            pb.environment().putAll(launch.environment());
            pb.environment().put(OWNER_VARIABLE, ownerId);
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            throw new ContainerStartException("could not start the " + spec.kind() + " proxy: " + e.getMessage(), e);
        }
        ProcessContainer container = new ProcessContainer(process, scratch, RuntimeProvider.READY_LINE_PREFIX,
                spec.inspector() ? RuntimeProvider.INSPECTOR_LINE_PREFIX : null);
        running.add(container);
        container.exited().whenComplete((v, e) -> running.remove(container));
        awaitReadyLine(container, spec);
        return container;
    }

    /**
     * Waits (bounded) for the proxy's ready line, and for the debugger's announcement when one was asked for (node
     * writes it before it runs the proxy, but on the other stream).
     */
    private void awaitReadyLine(ProcessContainer container, ContainerSpec spec) throws ContainerStartException {
        try {
            CompletableFuture.allOf(container.readyPort(), container.inspectorAnnounced())
                    .get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            container.destroy();
            throw new ContainerStartException("interrupted while the container started");
        } catch (ExecutionException | TimeoutException e) {
            container.destroy();
            container.exited().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
            String output = String.join("\n", container.startupOutput());
            throw new ContainerStartException("the " + spec.kind() + " proxy did not start"
                    + (e instanceof TimeoutException ? " within " + READY_TIMEOUT_MS + " ms" : "")
                    + (output.isEmpty() ? "" : ": " + output), e);
        }
    }

    /**
     * Kills processes whose environment names this owner (left by a run killed with {@code kill -9}) and clears
     * the scratch root. Linux only: elsewhere there is no {@code /proc} to read and nothing is done.
     */
    @Override
    public void removeOrphans() {
        String marker = OWNER_VARIABLE + "=" + ownerId;
        Path proc = Path.of("/proc");
        if (Files.isDirectory(proc)) {
            long self = ProcessHandle.current().pid();
            try (Stream<Path> entries = Files.list(proc)) {
                entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .filter(p -> Long.parseLong(p.getFileName().toString()) != self)
                        .filter(p -> environmentHolds(p.resolve("environ"), marker))
                        .forEach(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(h -> {
                            LOG.info("removing orphan container process {}", h.pid());
                            h.destroyForcibly();
                        }));
            } catch (IOException e) {
                LOG.warn("could not look for orphan containers", e);
            }
        }
        if (Files.isDirectory(scratchRoot)) {
            try (Stream<Path> walk = Files.walk(scratchRoot)) {
                walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(scratchRoot)).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.warn("could not clear {}", scratchRoot, e);
            }
        }
    }

    private static boolean environmentHolds(Path environ, String entry) {
        try {
            byte[] bytes = Files.readAllBytes(environ);
            for (String e : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
                if (e.equals(entry)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Kills every container and waits (bounded) until they are gone. */
    @Override
    public void close() {
        List<ProcessContainer> all = new ArrayList<>(running);
        all.forEach(ProcessContainer::destroy);
        for (ProcessContainer c : all) {
            c.exited().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
    }
}
