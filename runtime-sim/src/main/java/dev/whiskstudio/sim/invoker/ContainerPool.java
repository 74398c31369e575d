package dev.whiskstudio.sim.invoker;

import dev.whiskstudio.sim.backend.Container;
import dev.whiskstudio.sim.backend.ContainerBackend;
import dev.whiskstudio.sim.backend.ContainerSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Which container runs the next activation, as the platform's invoker decides it: a warm container of the same
 * namespace, action and revision with a free slot; else a prewarmed one of the kind and memory; else a new one if
 * memory allows; else the least recently used idle containers are removed to make room; else the activation waits
 * its turn, first in first out. Idle containers are paused after a grace period and removed after the idle timeout;
 * stem cells are refilled in the background.
 */
public final class ContainerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerPool.class);

    private final ContainerBackend backend;
    private final PoolConfig config;
    private final Supplier<Map<String, String>> containerEnvironment;
    private final List<PooledContainer> containers = new ArrayList<>();
    private final Deque<Waiting> queue = new ArrayDeque<>();
    private final ExecutorService starter;
    /** How long after a stem cell was taken its replacement starts at the latest (the activation may run long). */
    private static final long REFILL_AT_LATEST_MS = 1000;
    /** How long after the activation that took a stem cell ended its replacement starts. */
    private static final long REFILL_AFTER_RELEASE_MS = 20;
    private final ScheduledExecutorService timer;
    private final AtomicLong names = new AtomicLong();
    private final String namePrefix;
    /** Turns {@link PooledContainer#lastUsedNanos} into epoch ms without the jitter of reading both clocks each time. */
    private final long epochOffsetMs = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
    private int usedMemoryMb;
    private boolean closed;

    /** An activation waiting for room. */
    private record Waiting(ActionKey key, String kind, int memoryMb, int concurrency, long since,
                           CompletableFuture<Lease> lease) {
    }

    /**
     * @param containerEnvironment variables every container gets ({@code __OW_API_HOST})
     * @param namePrefix           distinguishes this simulator's containers
     */
    public ContainerPool(ContainerBackend backend, PoolConfig config, Supplier<Map<String, String>> containerEnvironment,
                         String namePrefix) {
        this.backend = backend;
        this.config = config;
        this.containerEnvironment = containerEnvironment;
        this.namePrefix = namePrefix;
        this.starter = Executors.newCachedThreadPool(r -> daemon(r, "container-start"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "container-pool-timer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts the stem cells and the idle reaper. */
    public void start() {
        refillPrewarm();
        long tick = Math.max(50, Math.min(1000, config.pauseGrace().toMillis() / 4));
        timer.scheduleWithFixedDelay(this::reapIdle, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Finds a container for an activation (see the class comment); completes when one is ready to use. */
    CompletableFuture<Lease> acquire(ActionKey key, String kind, int memoryMb, int concurrency) {
        long since = System.nanoTime();
        CompletableFuture<Lease> lease = new CompletableFuture<>();
        List<PooledContainer> toDestroy = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                lease.completeExceptionally(new IllegalStateException("the simulator is stopping"));
                return lease;
            }
            if (!queue.isEmpty() || !tryPlace(key, kind, memoryMb, concurrency, since, lease, toDestroy)) {
                if (memoryMb > config.memoryMb()) {
                    lease.completeExceptionally(new IllegalStateException("the action's memory limit of " + memoryMb
                            + " MB exceeds the invoker's capacity of " + config.memoryMb() + " MB"));
                } else {
                    queue.addLast(new Waiting(key, kind, memoryMb, concurrency, since, lease));
                }
            }
        }
        destroyAll(toDestroy);
        return lease;
    }

    /**
     * Places an activation if it can be placed now, completing (or arranging to complete) its lease. Runs under the
     * lock; containers it evicts are added to {@code toDestroy} to be destroyed outside it.
     */
    private boolean tryPlace(ActionKey key, String kind, int memoryMb, int concurrency, long since,
                             CompletableFuture<Lease> lease, List<PooledContainer> toDestroy) {
        PooledContainer warm = findWarm(key, concurrency);
        if (warm != null) {
            warm.active++;
            warm.lastUsedNanos = System.nanoTime();
            boolean wasPaused = warm.state == PooledContainer.State.PAUSED;
            warm.state = PooledContainer.State.WARM;
            complete(lease, warm, StartKind.WARM, since, wasPaused);
            return true;
        }
        PooledContainer stemCell = findPrewarmed(kind, memoryMb);
        if (stemCell != null) {
            claim(stemCell, key);
            complete(lease, stemCell, StartKind.PREWARM, since, false);
            // its replacement starts when this activation ends (see release), or after a while at the latest
            refillLater(REFILL_AT_LATEST_MS);
            return true;
        }
        if (usedMemoryMb + memoryMb > config.memoryMb()) {
            List<PooledContainer> victims = evictionCandidates(memoryMb);
            if (victims == null) {
                return false;
            }
            victims.forEach(this::removeLocked);
            toDestroy.addAll(victims);
        }
        PooledContainer cold = startContainer(kind, memoryMb);
        claim(cold, key);
        complete(lease, cold, StartKind.COLD, since, false);
        return true;
    }

    private PooledContainer findWarm(ActionKey key, int concurrency) {
        PooledContainer best = null;
        for (PooledContainer c : containers) {
            if (key.equals(c.action) && c.active < concurrency && (c.state == PooledContainer.State.WARM
                    || c.state == PooledContainer.State.PAUSED || c.state == PooledContainer.State.STARTING)) {
                // fill the busiest container first, so idle ones can be paused and reaped
                if (best == null || c.active > best.active) {
                    best = c;
                }
            }
        }
        return best;
    }

    private PooledContainer findPrewarmed(String kind, int memoryMb) {
        for (PooledContainer c : containers) {
            if (c.state == PooledContainer.State.PREWARMED && c.kind.equals(kind) && c.memoryMb == memoryMb) {
                return c;
            }
        }
        return null;
    }

    /** The least recently used idle containers whose memory makes room for {@code memoryMb}, or null if they can't. */
    private List<PooledContainer> evictionCandidates(int memoryMb) {
        List<PooledContainer> idle = new ArrayList<>();
        for (PooledContainer c : containers) {
            boolean idleState = c.state == PooledContainer.State.WARM || c.state == PooledContainer.State.PAUSED
                    || c.state == PooledContainer.State.PREWARMED;
            if (idleState && c.active == 0) {
                idle.add(c);
            }
        }
        idle.sort(Comparator.comparingLong(c -> c.lastUsedNanos));
        List<PooledContainer> victims = new ArrayList<>();
        int free = config.memoryMb() - usedMemoryMb;
        for (PooledContainer c : idle) {
            if (free >= memoryMb) {
                break;
            }
            victims.add(c);
            free += c.memoryMb;
        }
        return free >= memoryMb ? victims : null;
    }

    private void claim(PooledContainer c, ActionKey key) {
        c.action = key;
        c.active = 1;
        c.lastUsedNanos = System.nanoTime();
        c.initialized = new CompletableFuture<>();
        if (c.state == PooledContainer.State.PREWARMED) {
            c.state = PooledContainer.State.WARM;
        }
    }

    /** Completes the lease once the container has started (at once for a running one), resuming it if paused. */
    private void complete(CompletableFuture<Lease> lease, PooledContainer c, StartKind kind, long since, boolean resume) {
        // a container marked paused may still be on its way there: resume it only after the pause, or the pause
        // would come second and freeze it under the activation (which then waits out its time limit)
        CompletableFuture<Void> pauseDone = resume ? c.pausing : CompletableFuture.completedFuture(null);
        c.started.thenCombine(pauseDone, (container, paused) -> container).whenComplete((container, error) -> {
            if (error != null) {
                lease.completeExceptionally(error);
                return;
            }
            if (resume) {
                try {
                    container.resume();
                } catch (RuntimeException e) {
                    LOG.warn("could not resume container {}", c.name, e);
                }
            }
            lease.complete(new Lease(c, kind, System.nanoTime() - since));
        });
    }

    /** Creates a container entry, reserves its memory and starts it in the background. Under the lock. */
    private PooledContainer startContainer(String kind, int memoryMb) {
        PooledContainer c = new PooledContainer(namePrefix + "-" + names.incrementAndGet(), kind, memoryMb);
        containers.add(c);
        usedMemoryMb += memoryMb;
        starter.execute(() -> {
            try {
                Container container = backend.start(new ContainerSpec(c.name, kind, memoryMb, containerEnvironment.get()));
                container.onOutput(c.logs::accept);
                container.exited().thenRun(() -> containerExited(c));
                boolean keep;
                synchronized (this) {
                    keep = c.state != PooledContainer.State.REMOVED && !closed;
                    if (keep && c.state == PooledContainer.State.STARTING) {
                        c.state = c.action == null ? PooledContainer.State.PREWARMED : PooledContainer.State.WARM;
                    }
                }
                if (!keep) {
                    container.destroy();
                }
                c.started.complete(container);
            } catch (Exception e) {
                LOG.warn("container {} ({}) did not start: {}", c.name, kind, e.getMessage());
                synchronized (this) {
                    removeLocked(c);
                }
                c.started.completeExceptionally(e);
                drainQueue();
            }
        });
        return c;
    }

    /** A container stopped by itself (crash, OOM kill) or by us: it leaves the pool. */
    private void containerExited(PooledContainer c) {
        boolean changed;
        synchronized (this) {
            changed = c.state != PooledContainer.State.REMOVED;
            removeLocked(c);
        }
        c.closeConnections();
        if (changed) {
            drainQueue();
            refillPrewarm();
        }
    }

    private void removeLocked(PooledContainer c) {
        if (c.state != PooledContainer.State.REMOVED) {
            c.state = PooledContainer.State.REMOVED;
            containers.remove(c);
            usedMemoryMb -= c.memoryMb;
        }
    }

    /**
     * Gives a container back after an activation. {@code destroy}: it timed out, crashed or failed as a developer
     * error, so it goes; otherwise it stays warm for the next activation of its action.
     */
    void release(Lease lease, boolean destroy) {
        PooledContainer c = lease.container();
        synchronized (this) {
            c.active = Math.max(0, c.active - 1);
            c.lastUsedNanos = System.nanoTime();
            if (destroy) {
                removeLocked(c);
            }
        }
        if (destroy) {
            destroy(c);
        }
        drainQueue();
        if (lease.start() == StartKind.PREWARM) {
            // the stem cell it took is replaced only now, and a moment later, once the activation's answer is out: a
            // Node process starting beside the activation's /init, /run or answer takes one of the CPUs from the
            // very activation the user waits for (on two cores that made the first invoke half as slow again)
            refillLater(REFILL_AFTER_RELEASE_MS);
        }
    }

    /** Refills the stem cells after {@code delayMs}; nothing once the pool is closed. */
    private void refillLater(long delayMs) {
        try {
            timer.schedule(() -> starter.execute(this::refillPrewarm), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: an activation ending while the simulator stops needs no new stem cell
        }
    }

    /** Places waiting activations, oldest first, until the oldest cannot be placed. */
    private void drainQueue() {
        List<PooledContainer> toDestroy = new ArrayList<>();
        synchronized (this) {
            while (!queue.isEmpty()) {
                Waiting w = queue.peekFirst();
                if (w.lease().isDone()) {
                    queue.pollFirst();
                    continue;
                }
                if (!tryPlace(w.key(), w.kind(), w.memoryMb(), w.concurrency(), w.since(), w.lease(), toDestroy)) {
                    break;
                }
                queue.pollFirst();
            }
        }
        destroyAll(toDestroy);
    }

    /** Starts stem cells until each prewarm entry has its count, as far as memory allows. */
    void refillPrewarm() {
        synchronized (this) {
            if (closed) {
                return;
            }
            for (PoolConfig.Prewarm p : config.prewarm()) {
                long have = containers.stream().filter(c -> c.action == null && c.kind.equals(p.kind())
                        && c.memoryMb == p.memoryMb() && (c.state == PooledContainer.State.PREWARMED
                        || c.state == PooledContainer.State.STARTING)).count();
                for (long i = have; i < p.count() && usedMemoryMb + p.memoryMb() <= config.memoryMb() && queue.isEmpty(); i++) {
                    startContainer(p.kind(), p.memoryMb());
                }
            }
        }
    }

    /** Pauses containers idle past the grace period and removes those idle past the idle timeout. */
    private void reapIdle() {
        long now = System.nanoTime();
        List<PooledContainer> toPause = new ArrayList<>();
        List<PooledContainer> toRemove = new ArrayList<>();
        synchronized (this) {
            for (PooledContainer c : containers) {
                if (c.active > 0 || c.action == null) {
                    continue;
                }
                long idle = now - c.lastUsedNanos;
                if ((c.state == PooledContainer.State.WARM || c.state == PooledContainer.State.PAUSED)
                        && idle >= config.idleTimeout().toNanos()) {
                    toRemove.add(c);
                } else if (c.state == PooledContainer.State.WARM && idle >= config.pauseGrace().toNanos()
                        && c.initialized != null && c.initialized.isDone()) {
                    c.state = PooledContainer.State.PAUSED;
                    c.pausing = new CompletableFuture<>();
                    toPause.add(c);
                }
            }
            toRemove.forEach(this::removeLocked);
        }
        for (PooledContainer c : toPause) {
            try {
                c.container().pause();
            } catch (RuntimeException e) {
                LOG.warn("could not pause container {}", c.name, e);
            } finally {
                c.pausing.complete(null);
            }
        }
        destroyAll(toRemove);
        if (!toRemove.isEmpty()) {
            drainQueue();
            refillPrewarm();
        }
    }

    private void destroyAll(List<PooledContainer> list) {
        list.forEach(this::destroy);
    }

    private void destroy(PooledContainer c) {
        c.closeConnections();
        c.started.thenAccept(container -> {
            try {
                container.destroy();
            } catch (RuntimeException e) {
                LOG.warn("could not destroy container {}", c.name, e);
            }
        });
    }

    /** What the pool holds now, for the simulator's insight API and tests. */
    public synchronized PoolSnapshot snapshot() {
        List<PoolSnapshot.Entry> entries = new ArrayList<>();
        for (PooledContainer c : containers) {
            entries.add(new PoolSnapshot.Entry(c.name, c.kind, c.memoryMb, c.state.name().toLowerCase(),
                    c.action == null ? null : c.action.action(), c.action == null ? null : c.action.namespace(), c.active,
                    c.container() == null ? null : c.container().id(), epochOffsetMs + c.lastUsedNanos / 1_000_000));
        }
        return new PoolSnapshot(config.memoryMb(), usedMemoryMb, queue.size(), entries);
    }

    /** Busy containers, for the memory watchdog. */
    synchronized List<PooledContainer> busy() {
        List<PooledContainer> out = new ArrayList<>();
        for (PooledContainer c : containers) {
            if (c.active > 0 && c.container() != null) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public void close() {
        List<PooledContainer> all;
        List<Waiting> waiting;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(containers);
            all.forEach(this::removeLocked);
            waiting = new ArrayList<>(queue);
            queue.clear();
        }
        waiting.forEach(w -> w.lease().completeExceptionally(new IllegalStateException("the simulator is stopping")));
        timer.shutdownNow();
        destroyAll(all);
        starter.shutdown();
        try {
            starter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
