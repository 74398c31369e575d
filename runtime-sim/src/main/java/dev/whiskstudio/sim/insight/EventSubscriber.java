package dev.whiskstudio.sim.insight;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One client of the event stream: a bounded buffer filled by the publishers without ever waiting, and a writer thread
 * of its own that empties it into the client's connection, so only this thread waits on a slow network. Pool
 * snapshots are coalesced: only the latest one not yet written is kept.
 */
final class EventSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(EventSubscriber.class);

    /** One event to write. */
    record Frame(String event, String data) {
        int size() {
            return event.length() + data.length();
        }
    }

    private final Set<String> namespaces;
    private final EventSink sink;
    private final long bufferLimit;
    private final long keepAliveMs;
    private final Runnable onEnd;
    private final Thread writer;

    // guarded by this
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    /** Characters of events buffered or being written, at most {@link #bufferLimit}. */
    private long buffered;
    private Frame pool;
    private boolean closed;

    /**
     * @param namespaces  whose activations the client sees
     * @param bufferLimit characters of events that may wait for the client; past it the client is too slow
     * @param onEnd       run once on the writer thread when the stream has ended, whatever the reason
     */
    EventSubscriber(String name, Set<String> namespaces, EventSink sink, long bufferLimit, Duration keepAlive,
                    Runnable onEnd) {
        this.namespaces = Set.copyOf(namespaces);
        this.sink = sink;
        this.bufferLimit = bufferLimit;
        this.keepAliveMs = keepAlive.toMillis();
        this.onEnd = onEnd;
        this.writer = new Thread(this::writeLoop, name);
        this.writer.setDaemon(true);
    }

    void start() {
        writer.start();
    }

    Set<String> namespaces() {
        return namespaces;
    }

    boolean sees(String namespace) {
        return namespaces.contains(namespace);
    }

    /** Buffers an event; false when the buffer is full (the client cannot keep up). Never waits. */
    synchronized boolean offer(Frame frame) {
        if (closed) {
            return true;
        }
        if (buffered + frame.size() > bufferLimit) {
            return false;
        }
        frames.addLast(frame);
        buffered += frame.size();
        notifyAll();
        return true;
    }

    /** Replaces the pool snapshot waiting to be written, if any. Never waits. */
    synchronized void offerPool(Frame frame) {
        if (!closed) {
            pool = frame;
            notifyAll();
        }
    }

    synchronized long buffered() {
        return buffered;
    }

    /** Asks the writer to end the stream normally once it is not writing. */
    void close() {
        synchronized (this) {
            closed = true;
            frames.clear();
            pool = null;
            notifyAll();
        }
    }

    /** Ends the stream at once, hanging up the connection even while a write is stuck on it. */
    void abort() {
        close();
        sink.abort();
    }

    /** Waits at most {@code ms} for the writer thread to end; true when it has. */
    boolean awaitEnd(long ms) {
        try {
            writer.join(Math.max(1, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !writer.isAlive();
    }

    private void writeLoop() {
        try {
            while (true) {
                List<Frame> batch = new ArrayList<>();
                long batchSize = 0;
                synchronized (this) {
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(keepAliveMs);
                    while (!closed && frames.isEmpty() && pool == null) {
                        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                        if (left <= 0) {
                            break;
                        }
                        wait(left);
                    }
                    if (closed) {
                        return;
                    }
                    for (Frame f : frames) {
                        batch.add(f);
                        batchSize += f.size();
                    }
                    frames.clear();
                    if (pool != null) {
                        batch.add(pool);
                        pool = null;
                    }
                }
                if (batch.isEmpty()) {
                    sink.comment("keep-alive");
                }
                for (Frame f : batch) {
                    sink.send(f.event(), f.data());
                }
                synchronized (this) {
                    buffered -= batchSize;
                }
            }
        } catch (IOException e) {
            LOG.debug("event stream client went away: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("event stream writer failed", e);
        } finally {
            synchronized (this) {
                closed = true;
                frames.clear();
                pool = null;
                buffered = 0;
            }
            sink.close();
            onEnd.run();
        }
    }
}
