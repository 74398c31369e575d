package dev.whiskstudio.sim.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Stores activation records from many activations with one writer thread, committing whatever has queued up in one
 * transaction (group commit), so thousands of activations a second cost a few hundred commits. Each caller gets a
 * future that completes once its record is committed; readers call {@link #awaitQueued} first, so a record handed
 * in before a read is seen by that read.
 * <p>
 * Once a record arrives the writer lingers a few milliseconds for more before it commits, unless a reader is
 * waiting: a commit costs far more CPU than a row, and on a machine with two cores a commit per activation competes
 * with the activations themselves (a sequential caller's records would otherwise be committed one by one).
 */
public final class ActivationWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActivationWriter.class);
    private static final int MAX_BATCH = 1000;
    /** How long the writer waits for more records before committing the ones it has. */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final ActivationStore store;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;
    /** Records handed in so far. */
    private final AtomicLong handedIn = new AtomicLong();
    /** Records the writer thread has committed or given up on so far; guarded by {@code this}. */
    private long processed;
    /** Readers in {@link #awaitQueued} now: while there are any, the writer does not linger. */
    private final AtomicInteger waitingReaders = new AtomicInteger();

    private record Pending(ActivationRow row, CompletableFuture<Void> committed) {
    }

    public ActivationWriter(ActivationStore store) {
        this.store = store;
        this.thread = new Thread(this::loop, "activation-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a record; the future completes when it is committed (or fails with the store's error). */
    public CompletableFuture<Void> write(ActivationRow row) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (stopping) {
            f.completeExceptionally(new IllegalStateException("the activation store is closing"));
            return f;
        }
        handedIn.incrementAndGet();
        queue.add(new Pending(row, f));
        return f;
    }

    /**
     * Waits until every record handed in before this call is committed (or has failed), at most {@code maxWaitMs}.
     * Costs nothing when the queue is empty; under load it waits for about one group commit.
     */
    public void awaitQueued(long maxWaitMs) {
        long target = handedIn.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
        synchronized (this) {
            if (processed >= target) {
                return;
            }
        }
        waitingReaders.incrementAndGet();
        LockSupport.unpark(thread); // cut its linger short
        try {
            synchronized (this) {
                while (processed < target && thread.isAlive()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn("activation records still being stored after {} ms", maxWaitMs);
                        return;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        } finally {
            waitingReaders.decrementAndGet();
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                linger(batch);
                commit(batch);
            } catch (InterruptedException e) {
                if (!stopping) {
                    LOG.warn("activation writer interrupted");
                }
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    /** Waits up to {@link #LINGER_NANOS} for more records, unless the batch is full or someone waits for it. */
    private void linger(List<Pending> batch) {
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < MAX_BATCH && !stopping && waitingReaders.get() == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        queue.drainTo(batch, MAX_BATCH - batch.size());
    }

    private void commit(List<Pending> batch) {
        List<ActivationRow> rows = new ArrayList<>(batch.size());
        batch.forEach(p -> rows.add(p.row()));
        try {
            store.insertAll(rows);
            batch.forEach(p -> p.committed().complete(null));
        } catch (RuntimeException e) {
            LOG.error("could not store {} activation records", rows.size(), e);
            batch.forEach(p -> p.committed().completeExceptionally(e));
        } finally {
            synchronized (this) {
                processed += batch.size();
                notifyAll();
            }
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
