package dev.whiskstudio.plugin.alarms;

import dev.whiskstudio.plugin.FeedContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A {@link FeedContext} whose time moves only when a test moves it. Advancing runs each due task at its own time, in
 * order, and records every fire with the time it happened.
 */
final class ManualTime implements FeedContext {

    /** One fire of a trigger. */
    record Fired(String trigger, Map<String, Object> payload, Instant at) {
    }

    private final class Task implements Scheduled {
        final Instant at;
        final long order;
        final Runnable work;
        boolean cancelled;

        Task(Instant at, long order, Runnable work) {
            this.at = at;
            this.order = order;
            this.work = work;
        }

        @Override
        public void cancel() {
            if (honourCancel) {
                cancelled = true;
            }
        }
    }

    private Instant now;
    private long order;
    private boolean honourCancel = true;
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>((a, b) -> a.at.equals(b.at) ? Long.compare(a.order, b.order) : a.at.compareTo(b.at));
    private final List<Fired> fired = new ArrayList<>();

    ManualTime(String start) {
        this.now = Instant.parse(start);
    }

    /** A scheduler that lets cancelled tasks run anyway, to show a stale task does nothing. */
    ManualTime ignoringCancel() {
        honourCancel = false;
        return this;
    }

    Instant now() {
        return now;
    }

    List<Fired> fired() {
        return fired;
    }

    List<Instant> firedAt() {
        return fired.stream().map(Fired::at).toList();
    }

    /** Tasks waiting, cancelled ones not counted. */
    long waiting() {
        return queue.stream().filter(t -> !t.cancelled).count();
    }

    void advance(Duration d) {
        advanceTo(now.plus(d));
    }

    void advanceTo(String t) {
        advanceTo(Instant.parse(t));
    }

    /** Moves the clock at once, then runs what came due, all seeing the new time: a machine waking from sleep. */
    void jumpTo(String t) {
        now = Instant.parse(t);
        advanceTo(now);
    }

    void advanceTo(Instant t) {
        while (!queue.isEmpty() && !queue.peek().at.isAfter(t)) {
            Task task = queue.poll();
            if (task.at.isAfter(now)) {
                now = task.at;
            }
            if (!task.cancelled) {
                task.work.run();
            }
        }
        if (t.isAfter(now)) {
            now = t;
        }
    }

    @Override
    public void fire(String triggerName, Map<String, Object> payload) {
        fired.add(new Fired(triggerName, payload, now));
    }

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Override
    public Scheduled schedule(Instant at, Runnable task) {
        Task t = new Task(at, order++, task);
        if (!at.isAfter(now)) {
            task.run();
            return t;
        }
        queue.add(t);
        return t;
    }
}
