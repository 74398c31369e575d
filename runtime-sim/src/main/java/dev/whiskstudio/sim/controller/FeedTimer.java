package dev.whiskstudio.sim.controller;

import dev.whiskstudio.plugin.FeedContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs feed tasks when the simulator's clock reaches their time. It checks the clock every tick rather than
 * sleeping until a deadline, so a clock that tests move by hand drives it as well as the system clock does.
 */
public final class FeedTimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedTimer.class);
    private static final long TICK_MS = 50;

    private final Clock clock;
    private final PriorityQueue<Task> due = new PriorityQueue<>((a, b) -> a.at.compareTo(b.at));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-timer");
        t.setDaemon(true);
        return t;
    });

    private static final class Task implements FeedContext.Scheduled {
        final Instant at;
        final Runnable work;
        volatile boolean cancelled;

        Task(Instant at, Runnable work) {
            this.at = at;
            this.work = work;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    public FeedTimer(Clock clock) {
        this.clock = clock;
        ticker.scheduleWithFixedDelay(this::runDue, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    public Clock clock() {
        return clock;
    }

    public FeedContext.Scheduled schedule(Instant at, Runnable work) {
        Task task = new Task(at, work);
        synchronized (due) {
            due.add(task);
        }
        return task;
    }

    private void runDue() {
        Instant now = clock.instant();
        while (true) {
            Task next;
            synchronized (due) {
                next = due.peek();
                if (next == null || next.at.isAfter(now)) {
                    return;
                }
                due.poll();
            }
            if (!next.cancelled) {
                try {
                    next.work.run();
                } catch (RuntimeException e) {
                    LOG.warn("a feed task failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
