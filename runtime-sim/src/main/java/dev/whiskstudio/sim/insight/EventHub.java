package dev.whiskstudio.sim.insight;

import dev.whiskstudio.sim.invoker.PoolSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The live event stream's clients and what they are sent: activations as they begin and as their records are stored
 * (published by the invoker's and controller's threads, which never wait here), the container pool whenever it
 * changes, at most one snapshot per {@link #POOL_INTERVAL}, and the moves of debug sessions.
 * <p>
 * A client that falls behind by more than its buffer is dropped (its connection hung up), so it cannot hold memory
 * or any other thread; it reconnects and reads what it missed from the activation list.
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    static final String ACTIVATION_START = "activation-start";
    static final String ACTIVATION = "activation";
    /** An activation ended without a record to store (the Adobe profile keeps none of a successful blocking call). */
    static final String ACTIVATION_END = "activation-end";
    static final String POOL = "pool";
    static final String DEBUG = "debug";
    static final Duration POOL_INTERVAL = Duration.ofMillis(100);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /**
     * Characters of events one client may have waiting beyond its socket's buffer: about two hundred activations
     * (each is announced, then recorded). A client that reads keeps up easily; one further behind has stopped.
     */
    static final long BUFFER_LIMIT = 256 * 1024;
    /** Bytes of a client's socket send buffer (the kernel doubles it). */
    static final int SOCKET_BUFFER = 64 * 1024;

    private final Supplier<PoolSnapshot> pool;
    private final long bufferLimit;
    private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final AtomicLong names = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** The last pool snapshot sent; read and written on the timer thread only. */
    private PoolSnapshot lastPool;
    private volatile boolean closed;

    public EventHub(Supplier<PoolSnapshot> pool) {
        this(pool, BUFFER_LIMIT);
    }

    EventHub(Supplier<PoolSnapshot> pool, long bufferLimit) {
        this.pool = pool;
        this.bufferLimit = bufferLimit;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-events-timer");
            t.setDaemon(true);
            return t;
        });
        long interval = POOL_INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(this::publishPoolIfChanged, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Whether anyone listens (publishers skip building events when nobody does). */
    public boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    /** Clients connected now. */
    public int subscriberCount() {
        return subscribers.size();
    }

    /** Clients dropped so far for not keeping up. */
    public long droppedCount() {
        return dropped.get();
    }

    /** The most characters of events any client has waiting now (bounded by the buffer limit). */
    public long largestBacklog() {
        long max = 0;
        for (EventSubscriber s : subscribers) {
            max = Math.max(max, s.buffered());
        }
        return max;
    }

    /**
     * Adds a client that sees the activations of {@code namespaces}; its first event is the pool as it is now.
     *
     * @return false when the simulator is stopping (the caller ends the stream)
     */
    boolean subscribe(Set<String> namespaces, EventSink sink) {
        if (closed) {
            return false;
        }
        EventSubscriber[] self = new EventSubscriber[1];
        EventSubscriber s = new EventSubscriber("sim-events-" + names.incrementAndGet(), namespaces, sink, bufferLimit,
                KEEP_ALIVE, () -> subscribers.remove(self[0]));
        self[0] = s;
        s.offerPool(new EventSubscriber.Frame(POOL, PoolJson.render(pool.get(), s.namespaces()).toString()));
        subscribers.add(s);
        s.start();
        if (closed) {
            s.close();
            return false;
        }
        return true;
    }

    /**
     * Sends a {@code debug} event (a debug session started, was paused or resumed, ended) to the clients that see
     * the session's namespace. Never waits.
     */
    public void publishDebug(String namespace, String data) {
        publish(namespace, DEBUG, data);
    }

    /** Sends an event of a namespace to the clients that see it. Never waits. */
    void publish(String namespace, String event, String data) {
        EventSubscriber.Frame frame = null;
        for (EventSubscriber s : subscribers) {
            if (!s.sees(namespace)) {
                continue;
            }
            if (frame == null) {
                frame = new EventSubscriber.Frame(event, data);
            }
            if (!s.offer(frame)) {
                drop(s);
            }
        }
    }

    private void drop(EventSubscriber s) {
        if (!subscribers.remove(s)) {
            return;
        }
        dropped.incrementAndGet();
        LOG.info("an event stream client fell more than {} characters behind: dropping it", bufferLimit);
        s.close();
        // hanging up can take a moment; the publisher is an activation's thread and must not wait for it
        try {
            timer.execute(s::abort);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            s.abort();
        }
    }

    private void publishPoolIfChanged() {
        try {
            if (subscribers.isEmpty()) {
                lastPool = null;
                return;
            }
            PoolSnapshot now = pool.get();
            if (now.equals(lastPool)) {
                return;
            }
            lastPool = now;
            Map<Set<String>, EventSubscriber.Frame> rendered = new HashMap<>();
            for (EventSubscriber s : subscribers) {
                s.offerPool(rendered.computeIfAbsent(s.namespaces(),
                        ns -> new EventSubscriber.Frame(POOL, PoolJson.render(now, ns).toString())));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not publish the pool", e);
        }
    }

    /** Ends every client's stream and stops; returns once their writer threads have ended (or been hung up on). */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        List<EventSubscriber> all = new ArrayList<>(subscribers);
        all.forEach(EventSubscriber::close);
        for (EventSubscriber s : all) {
            if (!s.awaitEnd(1000)) {
                s.abort();
                s.awaitEnd(2000);
            }
        }
        subscribers.clear();
    }
}
