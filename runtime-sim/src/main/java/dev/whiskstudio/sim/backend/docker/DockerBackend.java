package dev.whiskstudio.sim.backend.docker;

import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import dev.whiskstudio.plugin.PluginRegistry;
import dev.whiskstudio.plugin.ProxyRequest;
import dev.whiskstudio.plugin.RuntimeProvider;
import dev.whiskstudio.sim.backend.ContainerBackend;
import dev.whiskstudio.sim.backend.ContainerSpec;
import dev.whiskstudio.sim.backend.ContainerStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs each container as a Docker container of the runtime's locally built image ({@link RuntimeImages}), on the
 * host network with the proxy on a 127.0.0.1 port it picks itself (and, for a debug session, the runtime's debugger
 * on another), held to the action's memory limit. Every
 * container carries the label {@value #LABEL_OWNER}{@code =<owner id>}, so that {@link #removeOrphans()} can find
 * what an earlier run of the same simulator left.
 */
public final class DockerBackend implements ContainerBackend {
    private static final Logger LOG = LoggerFactory.getLogger(DockerBackend.class);

    /** Label naming the simulator instance (its data directory) that owns a container. */
    public static final String LABEL_OWNER = "whisk-studio.sim";
    public static final String LABEL_KIND = "whisk-studio.kind";
    public static final String LABEL_NAME = "whisk-studio.container";
    /** The environment variable giving the proxy its port; 0 lets it take any free one. */
    public static final String PROXY_PORT_VARIABLE = "__OW_PROXY_PORT";
    /** Where a container may write: the image's empty {@code /tmp}. */
    static final String SCRATCH_DIR = "/tmp";

    private final DockerBackendConfig config;
    private final PluginRegistry plugins;
    private final DockerEngine engine;
    private final RuntimeImages images;
    private final Map<String, DockerContainer> started = new ConcurrentHashMap<>();
    private boolean closed;

    public DockerBackend(DockerBackendConfig config, PluginRegistry plugins) {
        this.config = config;
        this.plugins = plugins;
        this.engine = DockerEngine.connect(config.dockerHost());
        this.images = new RuntimeImages(engine, config.searchPath(), config.programByRuntime());
    }

    /** Whether an engine answers at the configured address (a ping; a second at most when none is there). */
    public static boolean engineAnswers(DockerBackendConfig config) {
        try (DockerEngine probe = DockerEngine.connect(config.dockerHost())) {
            return probe.answers();
        }
    }

    /** Ids of the containers, running or not, that carry an owner's label (what the simulator has left). */
    public static List<String> containersOwnedBy(DockerBackendConfig config, String ownerId) {
        try (DockerEngine probe = DockerEngine.connect(config.dockerHost())) {
            return probe.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(LABEL_OWNER, ownerId)).exec()
                    .stream().map(com.github.dockerjava.api.model.Container::getId).toList();
        }
    }

    @Override
    public String name() {
        return "docker";
    }

    public DockerBackendConfig config() {
        return config;
    }

    /**
     * Makes sure the image for a kind is in the engine, importing it if needed, so the first cold start does not
     * pay for it.
     */
    public RuntimeImage prepareImage(String kind) throws ContainerStartException {
        return imageFor(providerFor(kind));
    }

    @Override
    public DockerContainer start(ContainerSpec spec) throws ContainerStartException {
        RuntimeProvider provider = providerFor(spec.kind());
        if (spec.inspector() && !provider.supportsInspector()) {
            throw new ContainerStartException("The runtime of kind " + spec.kind() + " cannot run under a debugger");
        }
        RuntimeImage image = imageFor(provider);
        String containerName = dockerName(spec.name());
        String id;
        try {
            id = create(spec, provider, image, containerName);
        } catch (NotFoundException imageGone) {
            // The image was removed behind this run's back: build it again, once.
            images.forget(provider);
            image = imageFor(provider);
            id = create(spec, provider, image, containerName);
        }
        DockerContainer container = new DockerContainer(engine, id, containerName,
                spec.inspector() ? RuntimeProvider.INSPECTOR_LINE_PREFIX : null, spec.inspector() ? SCRATCH_DIR : null);
        register(container);
        try {
            engine.client().startContainerCmd(id).exec();
            container.followLogs();
            container.awaitReady(config.readyTimeout());
            return container;
        } catch (IOException | DockerException e) {
            String output = container.startupOutput();
            container.destroy();
            throw new ContainerStartException("The container " + containerName + " for " + spec.kind()
                    + " did not start: " + e.getMessage() + (output.isEmpty() ? "" : "\nIts output:\n" + output), e);
        } catch (InterruptedException e) {
            container.destroy();
            Thread.currentThread().interrupt();
            throw new ContainerStartException("Interrupted while starting container " + containerName, e);
        }
    }

    @Override
    public void removeOrphans() {
        List<com.github.dockerjava.api.model.Container> found;
        try {
            found = engine.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(LABEL_OWNER, config.ownerId())).exec();
        } catch (DockerException | IllegalStateException e) {
            LOG.warn("Cannot list orphan containers: {}", e.getMessage());
            return;
        }
        int removedCount = 0;
        for (com.github.dockerjava.api.model.Container orphan : found) {
            if (started.containsKey(orphan.getId())) {
                continue;
            }
            try {
                engine.client().removeContainerCmd(orphan.getId()).withForce(true).withRemoveVolumes(true).exec();
                removedCount++;
            } catch (NotFoundException | ConflictException gone) {
                // Already gone, or being removed.
            } catch (DockerException e) {
                LOG.warn("Cannot remove orphan container {}: {}", orphan.getId(), e.getMessage());
            }
        }
        if (removedCount > 0) {
            LOG.info("Removed {} container(s) left by an earlier run", removedCount);
        }
    }

    /** The containers this backend started that have not stopped yet. */
    public List<DockerContainer> containers() {
        return List.copyOf(started.values());
    }

    @Override
    public void close() {
        List<DockerContainer> toDestroy;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toDestroy = new ArrayList<>(started.values());
        }
        if (!toDestroy.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, toDestroy.size()));
            toDestroy.forEach(c -> pool.execute(c::destroy));
            pool.shutdown();
            try {
                if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                    LOG.warn("Containers still being removed after 60 s; removeOrphans() will find them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // a container that exited on its own (killed for its memory, say) is no longer tracked, but still exists
        // until removed: nothing of this simulator's stays behind
        removeOrphans();
        engine.close();
    }

    private void register(DockerContainer container) throws ContainerStartException {
        boolean lateStart;
        synchronized (this) {
            lateStart = closed;
            if (!lateStart) {
                started.put(container.id(), container);
            }
        }
        if (lateStart) {
            container.destroy();
            throw new ContainerStartException("The Docker backend is closed");
        }
        container.exited().whenComplete((v, e) -> started.remove(container.id()));
    }

    private String create(ContainerSpec spec, RuntimeProvider provider, RuntimeImage image, String containerName)
            throws ContainerStartException {
        List<String> command = provider.containerCommand(
                new ProxyRequest(spec.kind(), 0, spec.memoryMb(), Path.of(SCRATCH_DIR), spec.inspector()),
                image.programPath());
        Map<String, String> env = new LinkedHashMap<>();
        String programDir = Path.of(image.programPath()).getParent().toString();
        env.put("PATH", programDir + ":/usr/local/bin:/usr/bin:/bin");
        env.putAll(spec.environment());
        env.put(PROXY_PORT_VARIABLE, "0");
        long memoryBytes = spec.memoryMb() * 1024L * 1024L;
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("host")
                .withMemory(memoryBytes)
                .withMemorySwap(memoryBytes)
                // The engine keeps a container's output in its log; cap it (the invoker keeps what it needs).
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "16m", "max-file", "1")));
        Map<String, String> labels = Map.of(LABEL_OWNER, config.ownerId(), LABEL_KIND, spec.kind(),
                LABEL_NAME, spec.name());
        for (int attempt = 1; ; attempt++) {
            try {
                CreateContainerResponse created = engine.client().createContainerCmd(image.reference())
                        .withName(containerName)
                        .withCmd(command)
                        .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                        .withLabels(labels)
                        .withWorkingDir(SCRATCH_DIR)
                        .withTty(false)
                        .withHostConfig(host)
                        .exec();
                return created.getId();
            } catch (ConflictException nameTaken) {
                if (attempt > 1 || !removeOwnLeftover(containerName)) {
                    throw new ContainerStartException("Cannot create container " + containerName + ": "
                            + nameTaken.getMessage(), nameTaken);
                }
            } catch (NotFoundException imageGone) {
                throw imageGone;
            } catch (DockerException | IllegalStateException e) {
                throw new ContainerStartException("Cannot create container " + containerName + " (is the Docker "
                        + "engine at " + config.dockerHost() + " running?): " + e.getMessage(), e);
            }
        }
    }

    /** A container of ours with this name that this backend did not start is a leftover of an earlier run. */
    private boolean removeOwnLeftover(String containerName) {
        try {
            var existing = engine.client().inspectContainerCmd(containerName).exec();
            Map<String, String> labels = existing.getConfig() == null ? null : existing.getConfig().getLabels();
            if (labels == null || !config.ownerId().equals(labels.get(LABEL_OWNER))
                    || started.containsKey(existing.getId())) {
                return false;
            }
            engine.client().removeContainerCmd(existing.getId()).withForce(true).exec();
            return true;
        } catch (NotFoundException gone) {
            return true;
        } catch (DockerException e) {
            return false;
        }
    }

    private RuntimeProvider providerFor(String kind) throws ContainerStartException {
        RuntimeProvider provider = plugins.runtimeFor(kind);
        if (provider == null) {
            throw new ContainerStartException("No runtime plugin runs kind " + kind);
        }
        return provider;
    }

    private RuntimeImage imageFor(RuntimeProvider provider) throws ContainerStartException {
        try {
            return images.ensure(provider);
        } catch (IOException | DockerException e) {
            throw new ContainerStartException("Cannot build the runtime image for " + provider.id() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The Docker name for a container: the spec's name made valid ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}), with the
     * owner id, since names are global to the engine and another simulator may use the same one.
     */
    String dockerName(String specName) {
        String cleaned = (specName + "." + config.ownerId()).replaceAll("[^a-zA-Z0-9_.-]", "_");
        return Character.isLetterOrDigit(cleaned.charAt(0)) ? cleaned : "w" + cleaned;
    }
}
