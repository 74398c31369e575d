package dev.whiskstudio.plugin.alarms;

import dev.whiskstudio.plugin.FeedContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The life of one alarm trigger: its document, its status, and the one fire it waits for. It is either active (a
 * fire is scheduled, or none is left to come) or disabled (paused, or stopped by the service with a reason);
 * {@link #start} makes it active, {@link #pause} and the end of its schedule disable it, {@link #halt} (on DELETE)
 * ends it. Not thread-safe: {@link AlarmsFeedProvider} calls it under its lock.
 *
 * <p>A scheduled task carries the generation it was planned in; every halt starts a new generation, so a task that
 * was cancelled too late, or ran inside {@code schedule} itself, finds itself stale and does nothing.
 */
final class AlarmJob {

    /** Where a due task goes: the provider, which takes its lock and fires outside it. */
    interface DueFires {
        void due(AlarmJob job, long generation, Instant at);
    }

    /** What a due task did: the payload to fire with (null for none), and whether to forget the trigger. */
    record Fire(Map<String, Object> payload, boolean forget) {
        static final Fire NONE = new Fire(null, false);
    }

    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final String triggerName;
    private final FeedContext context;
    private final DueFires dueFires;
    private AlarmDoc doc;
    private AlarmStatus status;
    /** Fires left under the deprecated maxTriggers; only counted when the schedule limits fires. */
    private double triggersLeft;
    private long generation;
    private FeedContext.Scheduled pending;
    private Instant nextFire;

    AlarmJob(String triggerName, AlarmDoc doc, FeedContext context, DueFires dueFires) {
        this.triggerName = triggerName;
        this.doc = doc;
        this.context = context;
        this.dueFires = dueFires;
    }

    String triggerName() {
        return triggerName;
    }

    FeedContext context() {
        return context;
    }

    AlarmDoc doc() {
        return doc;
    }

    AlarmStatus status() {
        return status;
    }

    /** When the next fire is due; null when none is scheduled. */
    Instant nextFire() {
        return nextFire;
    }

    Instant now() {
        return context.clock().instant();
    }

    /** Becomes active and schedules the first fire, or is disabled at once when the schedule cannot start. */
    void start(Instant now) {
        halt();
        status = AlarmStatus.active(now);
        AlarmSchedule schedule = doc.schedule();
        triggersLeft = schedule instanceof AlarmSchedule.Cron cron ? cron.maxTriggers() : -1;
        AlarmSchedule.Start start = schedule.start(now);
        if (start.refusal() != null) {
            status = AlarmStatus.disabled(now, AlarmMessages.disabledOnStart(start.refusal()));
            return;
        }
        plan(start.at());
    }

    /** UPDATE: the new document, and a fresh start (the platform re-enables an updated trigger). */
    void replace(AlarmDoc newDoc, Instant now) {
        doc = newDoc;
        start(now);
    }

    void pause(Instant now) {
        if (status.active()) {
            halt();
            status = AlarmStatus.paused(now);
        }
    }

    /** Starts a disabled trigger again (paused or stopped); an active one goes on as it was. */
    void resume(Instant now) {
        if (!status.active()) {
            start(now);
        }
    }

    /** Cancels the fire it waits for; a task already on its way finds itself stale. */
    void halt() {
        generation++;
        if (pending != null) {
            pending.cancel();
        }
        pending = null;
        nextFire = null;
    }

    /** A scheduled fire came due: fires (unless stale or out of fires), then plans the next or stops. */
    Fire due(long taskGeneration, Instant at) {
        if (taskGeneration != generation || !status.active()) {
            return Fire.NONE;
        }
        pending = null;
        nextFire = null;
        Instant now = now();
        AlarmSchedule schedule = doc.schedule();
        boolean counted = schedule instanceof AlarmSchedule.Cron cron && cron.limitsFires();
        if (counted && !(triggersLeft > 0)) {
            // out of fires: the platform's timer runs on without firing; nothing needs to run here
            return Fire.NONE;
        }
        if (counted) {
            triggersLeft--;
        }
        Map<String, Object> payload = new LinkedHashMap<>(doc.payload());
        AlarmSchedule.Next next = schedule.next(at, now);
        if (next.forget()) {
            halt();
            return new Fire(payload, true);
        }
        if (next.stopReason() != null) {
            disable(now, next.stopReason());
        } else if (counted && triggersLeft == 0) {
            disable(now, AlarmMessages.DISABLED_AFTER_MAX_TRIGGERS);
        } else {
            plan(next.at());
        }
        return new Fire(payload, false);
    }

    /** READ: {@code config} and {@code status}, with the platform's fields; those never given are left out. */
    Map<String, Object> read() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", doc.name());
        config.put("namespace", doc.namespace());
        config.put("payload", new LinkedHashMap<>(doc.payload()));
        AlarmSchedule schedule = doc.schedule();
        Given strict = schedule instanceof AlarmSchedule.Cron cron ? cron.strict() : null;
        config.put("strict", strict != null ? strict.value() : Boolean.FALSE);
        if (schedule instanceof AlarmSchedule.Once once) {
            config.put("date", once.date().given());
            putIfSet(config, "deleteAfterFire", once.deleteAfterFire());
        } else if (schedule instanceof AlarmSchedule.Interval interval) {
            putDates(config, interval.startDate(), interval.stopDate());
            config.put("minutes", interval.minutes());
        } else if (schedule instanceof AlarmSchedule.Cron cron) {
            putDates(config, cron.startDate(), cron.stopDate());
            config.put("cron", cron.pattern().source());
            if (cron.timezone() != null) {
                config.put("timezone", cron.timezone().value());
            }
        }
        Map<String, Object> statusMap = new LinkedHashMap<>();
        statusMap.put("active", status.active());
        statusMap.put("dateChanged", status.dateChanged().toEpochMilli());
        statusMap.put("dateChangedISO", ISO_SECONDS.format(status.dateChanged()));
        if (status.reason() != null) {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("kind", status.reason().kind());
            reason.put("message", status.reason().message());
            statusMap.put("reason", reason);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("config", config);
        body.put("status", statusMap);
        return body;
    }

    private void disable(Instant now, String message) {
        halt();
        status = AlarmStatus.disabled(now, message);
    }

    private void plan(Instant at) {
        if (at == null) {
            return;
        }
        long planned = generation;
        nextFire = at;
        FeedContext.Scheduled handle = context.schedule(at, () -> dueFires.due(this, planned, at));
        // the context may run an already-due task inside schedule(); then that run has planned what follows
        if (planned == generation && at.equals(nextFire)) {
            pending = handle;
        }
    }

    private static void putDates(Map<String, Object> config, AlarmDate startDate, AlarmDate stopDate) {
        putIfSet(config, "startDate", startDate == null ? null : startDate.given());
        putIfSet(config, "stopDate", stopDate == null ? null : stopDate.given());
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
