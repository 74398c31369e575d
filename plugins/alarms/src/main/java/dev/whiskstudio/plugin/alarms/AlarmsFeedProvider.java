package dev.whiskstudio.plugin.alarms;

import dev.whiskstudio.plugin.FeedContext;
import dev.whiskstudio.plugin.FeedLifecycle;
import dev.whiskstudio.plugin.FeedProvider;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code /whisk.system/alarms} package: {@code alarm} fires on a cron pattern, {@code interval} every so many
 * minutes, {@code once} at a date. Parameters, checks, messages, payloads and READ's answer follow the platform's
 * alarms service (apache/openwhisk-package-alarms); time is the simulator's, through each trigger's
 * {@link FeedContext}.
 *
 * <p>Beyond the platform: PAUSE and UNPAUSE (its feed answers them 'unsupported lifecycleEvent') stop and resume
 * firing. Triggers are kept in memory only.
 */
public final class AlarmsFeedProvider implements FeedProvider {

    public static final String PACKAGE = "/whisk.system/alarms";
    static final String ALARM = "alarm";
    static final String INTERVAL = "interval";
    static final String ONCE = "once";
    private static final Set<String> FEEDS =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of(ALARM, INTERVAL, ONCE)));

    private final Object lock = new Object();
    private final Map<String, AlarmJob> jobs = new HashMap<>();

    /** For {@link java.util.ServiceLoader}. */
    public AlarmsFeedProvider() {
    }

    @Override
    public String packageName() {
        return PACKAGE;
    }

    @Override
    public Set<String> feeds() {
        return FEEDS;
    }

    /** Creating a trigger that exists replaces it, as the platform does. */
    @Override
    public void create(String feed, String triggerName, Map<String, Object> parameters, FeedContext context) {
        Objects.requireNonNull(triggerName, "triggerName");
        Objects.requireNonNull(context, "context");
        Instant now = context.clock().instant();
        AlarmDoc doc = AlarmRequests.create(feed, triggerName, parameters, now);
        synchronized (lock) {
            AlarmJob old = jobs.remove(triggerName);
            if (old != null) {
                old.halt();
            }
            AlarmJob job = new AlarmJob(triggerName, doc, context, this::due);
            jobs.put(triggerName, job);
            job.start(now);
        }
    }

    /** The trigger is known by its name whichever of the three feeds is named, as on the platform. */
    @Override
    public void update(String feed, String triggerName, Map<String, Object> parameters) {
        synchronized (lock) {
            AlarmJob job = known(triggerName);
            Instant now = job.now();
            job.replace(AlarmRequests.update(job.doc(), parameters, now), now);
        }
    }

    @Override
    public Map<String, Object> read(String feed, String triggerName) {
        synchronized (lock) {
            AlarmJob job = jobs.get(triggerName);
            return job == null ? Map.of() : job.read();
        }
    }

    /**
     * DELETE forgets the trigger; PAUSE disables it (READ then says {@code active: false}, reason kind {@code USER});
     * UNPAUSE starts a disabled trigger again from now, with the checks a new start has.
     *
     * @throws IllegalArgumentException 'could not find trigger /ns/name in the database' for a trigger not known
     */
    @Override
    public void change(String feed, String triggerName, FeedLifecycle event) {
        synchronized (lock) {
            AlarmJob job = known(triggerName);
            switch (event) {
                case DELETE -> {
                    jobs.remove(triggerName);
                    job.halt();
                }
                case PAUSE -> job.pause(job.now());
                case UNPAUSE -> job.resume(job.now());
            }
        }
    }

    /** A scheduled fire came due: the job decides under the lock, and the trigger is fired outside it. */
    private void due(AlarmJob job, long generation, Instant at) {
        AlarmJob.Fire fire;
        synchronized (lock) {
            fire = job.due(generation, at);
            if (fire.forget() && jobs.get(job.triggerName()) == job) {
                jobs.remove(job.triggerName());
            }
        }
        if (fire.payload() != null) {
            job.context().fire(job.triggerName(), fire.payload());
        }
    }

    private AlarmJob known(String triggerName) {
        AlarmJob job = jobs.get(triggerName);
        if (job == null) {
            throw new IllegalArgumentException(AlarmMessages.unknownTrigger(QualifiedName.parse(triggerName)));
        }
        return job;
    }
}
