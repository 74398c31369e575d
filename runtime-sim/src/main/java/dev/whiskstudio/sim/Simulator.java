package dev.whiskstudio.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.sim.api.Json;
import dev.whiskstudio.sim.api.RestApi;
import dev.whiskstudio.sim.backend.ContainerBackend;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.controller.InvocationController;
import dev.whiskstudio.plugin.PluginRegistry;
import dev.whiskstudio.sim.controller.FeedTimer;
import dev.whiskstudio.sim.controller.SystemFeeds;
import dev.whiskstudio.sim.controller.Throttle;
import dev.whiskstudio.sim.controller.TriggerFiring;
import dev.whiskstudio.sim.controller.WebActionController;
import dev.whiskstudio.sim.invoker.ContainerPool;
import dev.whiskstudio.sim.invoker.Invoker;
import dev.whiskstudio.sim.store.ActivationWriter;
import dev.whiskstudio.sim.controller.ActionController;
import dev.whiskstudio.sim.controller.ActivationController;
import dev.whiskstudio.sim.controller.Authenticator;
import dev.whiskstudio.sim.controller.Entities;
import dev.whiskstudio.sim.controller.PackageController;
import dev.whiskstudio.sim.controller.PackageResolver;
import dev.whiskstudio.sim.controller.RuleController;
import dev.whiskstudio.sim.controller.TriggerController;
import dev.whiskstudio.sim.debug.DebugApi;
import dev.whiskstudio.sim.debug.DebugSessions;
import dev.whiskstudio.sim.entity.RuntimeManifest;
import dev.whiskstudio.sim.insight.EventHub;
import dev.whiskstudio.sim.insight.InsightApi;
import dev.whiskstudio.sim.insight.InsightRecorder;
import dev.whiskstudio.sim.store.ActivationStore;
import dev.whiskstudio.sim.store.DataDirLock;
import dev.whiskstudio.sim.store.Database;
import dev.whiskstudio.sim.store.EntityStore;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The composition root: builds the store, controllers and REST API from a {@link SimConfig}, and starts or stops
 * them. One instance serves one port; the app embeds one, {@code serve} runs one headless.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final SimConfig config;
    private final Database db;
    private final EntityStore entityStore;
    private final ActivationStore activationStore;
    private final Javalin server;
    private final ScheduledExecutorService housekeeping;
    private final Clock clock;
    private final ContainerBackend backend;
    private final ContainerPool pool;
    private final Invoker invoker;
    private final ActivationWriter activationWriter;
    private final Throttle throttle;
    private final DataDirLock dataDirLock;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final FeedTimer feedTimer;
    private final EventHub events;
    private final DebugSessions debugSessions;

    private Simulator(SimConfig config, Clock clock, DataDirLock dataDirLock) throws IOException, SQLException {
        this.config = config;
        this.clock = clock;
        this.dataDirLock = dataDirLock;
        ObjectMapper json = Json.mapper();
        this.db = new Database(config.dataDir());
        this.entityStore = new EntityStore(db, json);
        this.activationStore = new ActivationStore(db);
        this.activationWriter = new ActivationWriter(activationStore);
        PluginRegistry plugins = PluginRegistry.load(Simulator.class.getClassLoader());
        this.backend = Backends.create(config, plugins);
        this.feedTimer = new FeedTimer(clock);
        this.pool = new ContainerPool(backend, config.pool(), () -> Map.of("__OW_API_HOST", apiHost()),
                "wsk-" + Backends.ownerId(config));
        this.events = new EventHub(pool::snapshot);
        InsightRecorder insight = new InsightRecorder(events);
        this.invoker = new Invoker(pool, json, config.limits().resultBytes(), insight);
        this.throttle = new Throttle(config.limits().invocationsPerMinute(), config.limits().concurrentInvocations(), clock);
        Entities entities = new Entities(entityStore, config.limits(), RuntimeManifest.standard(), clock);
        PackageResolver resolver = new PackageResolver(entities);
        ActionController actions = new ActionController(entities, resolver);
        Authenticator authenticator = new Authenticator(config.credentials());
        SystemFeeds feeds = new SystemFeeds(plugins.feeds(), entities, authenticator, feedTimer, json);
        feeds.install();
        this.debugSessions = new DebugSessions(backend, plugins, invoker, actions, events,
                () -> Map.of("__OW_API_HOST", apiHost()), "wsk-" + Backends.ownerId(config) + "-debug", json);
        InvocationController invocations = new InvocationController(actions, invoker, activationWriter, throttle,
                config.limits().payloadBytes(), config.limits().sequenceMaxLength(), feeds, insight,
                debugSessions.pausedTime());
        TriggerFiring triggerFiring = new TriggerFiring(entities, invocations);
        feeds.connect(triggerFiring);
        boolean adobe = config.profile() == Profile.ADOBE_IO_RUNTIME;
        RestApi api = new RestApi(json, authenticator, config.limits(), actions,
                new PackageController(entities, resolver), new TriggerController(entities),
                new RuleController(entities, actions), new ActivationController(activationStore, activationWriter, config.limits(), json),
                invocations, triggerFiring,
                new WebActionController(actions, invocations, authenticator, json, adobe), !adobe);
        DebugApi debugApi = new DebugApi(authenticator, debugSessions, json);
        InsightApi insightApi = new InsightApi(authenticator, config, pool::snapshot, activationStore, activationWriter,
                events);
        this.server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            api.install(cfg);
            insightApi.install(cfg);
            debugApi.install(cfg);
        });
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the data directory and starts serving; fails if the port is taken or the store cannot be opened. */
    public static Simulator start(SimConfig config) throws IOException, SQLException {
        return start(config, Clock.systemUTC());
    }

    /**
     * @throws PortInUseException when the port is taken
     * @throws DataDirLock.DataDirInUseException when another simulator uses the data directory
     */
    public static Simulator start(SimConfig config, Clock clock) throws IOException, SQLException {
        checkPortFree(config);
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        Simulator sim;
        try {
            sim = new Simulator(config, clock, lock);
        } catch (IOException | SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
        sim.backend.removeOrphans();
        try {
            sim.server.start();
        } catch (RuntimeException e) {
            sim.shutdownInvoker();
            sim.db.close();
            lock.close();
            if (causedByBind(e)) {
                throw new PortInUseException(config.host(), config.port(), e);
            }
            throw new IOException("could not listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        sim.pool.start();
        sim.removeExpiredActivations();
        sim.housekeeping.scheduleWithFixedDelay(sim::removeExpiredActivations, 1, 1, TimeUnit.HOURS);
        LOG.info("simulator listening on {} (profile {}, data {})", sim.apiHost(), config.profile().id(), config.dataDir());
        return sim;
    }

    /** Fails early, and quietly, when a fixed port is taken (the web server would log a stack trace first). */
    private static void checkPortFree(SimConfig config) throws PortInUseException {
        if (config.port() == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(config.host(), config.port()));
        } catch (IOException e) {
            throw new PortInUseException(config.host(), config.port(), e);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /** Deletes activation records older than the retention period. */
    public int removeExpiredActivations() {
        try {
            long cutoff = clock.millis() - config.limits().activationRetention().toMillis();
            int removed = activationStore.deleteStartedBefore(cutoff);
            if (removed > 0) {
                LOG.info("removed {} activation records older than {}", removed, config.limits().activationRetention());
            }
            return removed;
        } catch (RuntimeException e) {
            LOG.warn("could not remove expired activations", e);
            return 0;
        }
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}: what clients use as APIHOST. */
    public String apiHost() {
        return "http://" + config.host() + ":" + port();
    }

    public SimConfig config() {
        return config;
    }

    /** The activation store, once the records handed to the writer so far are in it. */
    public ActivationStore activations() {
        activationWriter.awaitQueued(10_000);
        return activationStore;
    }

    public EntityStore entities() {
        return entityStore;
    }

    /** The container pool, for the simulator's insight API and tests. */
    public ContainerPool pool() {
        return pool;
    }

    /** The live event stream's clients, for the insight API's tests. */
    public EventHub events() {
        return events;
    }

    /** Activations of a namespace in flight now. */
    public int inFlight(String namespace) {
        return throttle.inFlight(namespace);
    }

    /** Activations in flight now, in every namespace. */
    public int inFlightTotal() {
        return throttle.inFlightTotal();
    }

    /** The debug sessions on now, for tests. */
    public DebugSessions debugSessions() {
        return debugSessions;
    }

    /** Stops serving, removes every container, stores the records still queued, closes the store. */
    @Override
    public void close() {
        // once: an embedder's own stop and its JVM exit hook may both ask
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        housekeeping.shutdownNow();
        // debug sessions end first, so the event streams can still tell their clients
        debugSessions.close();
        // the event streams end first: their responses are open for as long as they last
        events.close();
        server.stop();
        shutdownInvoker();
        db.close();
        dataDirLock.close();
        LOG.info("simulator stopped");
    }

    private void shutdownInvoker() {
        debugSessions.close();
        events.close();
        feedTimer.close();
        pool.close();
        backend.close();
        invoker.close();
        activationWriter.close();
    }
}
