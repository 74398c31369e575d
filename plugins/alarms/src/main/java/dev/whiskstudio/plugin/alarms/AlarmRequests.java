package dev.whiskstudio.plugin.alarms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the parameters of CREATE and UPDATE into an {@link AlarmDoc}, checking them in the order the platform's
 * alarms web action does, so the first problem reported is the one it reports. Parameters the feed does not know
 * (the CLI's {@code lifecycleEvent}, {@code authKey} and the like) are ignored.
 */
final class AlarmRequests {

    private static final List<String> DELETE_AFTER_FIRE_VALUES = List.of("false", "true", "rules");
    /** Interval triggers without a start date start this long after they are created. */
    private static final long DEFAULT_INTERVAL_DELAY_MS = 30_000;
    /** Zone names moment-timezone knows that java.time keeps only as fixed-offset aliases. */
    private static final Map<String, ZoneOffset> FIXED_ZONES =
            Map.of("EST", ZoneOffset.ofHours(-5), "MST", ZoneOffset.ofHours(-7), "HST", ZoneOffset.ofHours(-10));

    private AlarmRequests() {
    }

    /**
     * A new trigger's document.
     *
     * @throws IllegalArgumentException with the platform's message when a parameter is missing or not valid
     */
    static AlarmDoc create(String feed, String triggerName, Map<String, Object> params, Instant now) {
        Map<String, Object> payload = createPayload(params.get("trigger_payload"));
        AlarmSchedule schedule = switch (feed) {
            case AlarmsFeedProvider.ONCE -> createOnce(params, now);
            case AlarmsFeedProvider.INTERVAL -> createInterval(params, now);
            case AlarmsFeedProvider.ALARM -> createCron(params, now);
            default -> throw new IllegalArgumentException(AlarmMessages.unknownFeed(feed));
        };
        QualifiedName qn = QualifiedName.parse(triggerName);
        return new AlarmDoc(qn.name(), qn.namespace(), payload, schedule);
    }

    /**
     * The document after an UPDATE; which parameters count depends on the trigger's feed.
     *
     * @throws IllegalArgumentException with the platform's message when a parameter is not valid, or none is given
     */
    static AlarmDoc update(AlarmDoc doc, Map<String, Object> params, Instant now) {
        AlarmDoc updated = doc;
        Object payload = params.get("trigger_payload");
        if (JsValues.truthy(payload)) {
            updated = updated.withPayload(wrapPayload(payload));
        }
        AlarmSchedule s = doc.schedule();
        AlarmSchedule schedule;
        if (s instanceof AlarmSchedule.Once once) {
            schedule = updateOnce(once, params, now);
        } else if (s instanceof AlarmSchedule.Interval interval) {
            schedule = updateInterval(interval, params, now);
        } else {
            schedule = updateCron((AlarmSchedule.Cron) s, params, now);
        }
        if (!givesUpdatableParameter(s, params)) {
            throw new IllegalArgumentException(AlarmMessages.NOTHING_TO_UPDATE);
        }
        return updated.withSchedule(schedule);
    }

    /** Whether UPDATE names something this kind of trigger can change (whether or not its value is new). */
    private static boolean givesUpdatableParameter(AlarmSchedule schedule, Map<String, Object> params) {
        List<String> names = schedule instanceof AlarmSchedule.Once
                ? List.of("trigger_payload", "date", "deleteAfterFire")
                : schedule instanceof AlarmSchedule.Interval
                ? List.of("trigger_payload", "minutes", "startDate", "stopDate")
                : List.of("trigger_payload", "cron", "timezone", "startDate", "stopDate");
        return names.stream().anyMatch(n -> JsValues.truthy(params.get(n)))
                || (schedule instanceof AlarmSchedule.Cron && params.containsKey("strict"));
    }

    // CREATE

    private static AlarmSchedule.Once createOnce(Map<String, Object> params, Instant now) {
        Object date = params.get("date");
        if (!JsValues.truthy(date)) {
            throw new IllegalArgumentException(AlarmMessages.DATE_MISSING);
        }
        AlarmDate at = futureDate("date", date, null, now);
        return new AlarmSchedule.Once(at, deleteAfterFire(params));
    }

    private static AlarmSchedule.Interval createInterval(Map<String, Object> params, Instant now) {
        Object minutesParam = params.get("minutes");
        if (!JsValues.truthy(minutesParam)) {
            throw new IllegalArgumentException(AlarmMessages.MINUTES_MISSING);
        }
        long minutes = minutes(minutesParam);
        AlarmDate startDate = optionalFutureDate("startDate", params, null, now);
        if (startDate == null) {
            long start = now.toEpochMilli() + DEFAULT_INTERVAL_DELAY_MS;
            startDate = new AlarmDate(start, Instant.ofEpochMilli(start));
        }
        if (JsValues.truthy(params.get("maxTriggers")) && JsValues.truthy(params.get("stopDate"))) {
            throw new IllegalArgumentException(AlarmMessages.MAX_TRIGGERS_WITH_INTERVAL);
        }
        AlarmDate stopDate = optionalFutureDate("stopDate", params, startDate, now);
        return new AlarmSchedule.Interval(minutes, startDate, stopDate);
    }

    private static AlarmSchedule.Cron createCron(Map<String, Object> params, Instant now) {
        Object cron = params.get("cron");
        if (!JsValues.truthy(cron)) {
            throw new IllegalArgumentException(AlarmMessages.CRON_MISSING);
        }
        Object timezone = params.get("timezone");
        ZoneId zone = zone(timezone);
        CronPattern pattern = pattern(cron);
        if (JsValues.truthy(params.get("limitCronFields")) && hasSecondsGranularity(pattern.source())) {
            throw new IllegalArgumentException(AlarmMessages.CRON_SECONDS_NOT_ALLOWED);
        }
        AlarmDate startDate = optionalFutureDate("startDate", params, null, now);
        Object maxTriggers = params.get("maxTriggers");
        if (JsValues.truthy(maxTriggers) && JsValues.truthy(params.get("stopDate"))) {
            throw new IllegalArgumentException(AlarmMessages.MAX_TRIGGERS_WITH_STOP_DATE);
        }
        AlarmDate stopDate = optionalFutureDate("stopDate", params, startDate, now);
        if (stopDate != null) {
            Instant first = pattern.nextAfter(now, zone);
            if (first == null || first.isAfter(stopDate.at())) {
                throw new IllegalArgumentException(AlarmMessages.FIRST_FIRE_AFTER_STOP_DATE);
            }
        }
        return new AlarmSchedule.Cron(pattern, given(params, "timezone"), zone, startDate, stopDate,
                given(params, "strict"), JsValues.truthy(maxTriggers) ? JsValues.number(maxTriggers) : -1);
    }

    // UPDATE

    private static AlarmSchedule.Once updateOnce(AlarmSchedule.Once once, Map<String, Object> params, Instant now) {
        AlarmDate date = once.date();
        if (JsValues.truthy(params.get("date"))) {
            date = futureDate("date", params.get("date"), null, now);
        }
        String deleteAfterFire = deleteAfterFire(params);
        return new AlarmSchedule.Once(date, deleteAfterFire != null ? deleteAfterFire : once.deleteAfterFire());
    }

    private static AlarmSchedule.Interval updateInterval(AlarmSchedule.Interval interval, Map<String, Object> params,
                                                         Instant now) {
        long minutes = interval.minutes();
        if (JsValues.truthy(params.get("minutes"))) {
            minutes = minutes(params.get("minutes"));
        }
        Dates dates = updateDates(interval.startDate(), interval.stopDate(), params, now);
        return new AlarmSchedule.Interval(minutes, dates.start() != null ? dates.start() : interval.startDate(),
                dates.stop());
    }

    private static AlarmSchedule.Cron updateCron(AlarmSchedule.Cron cron, Map<String, Object> params, Instant now) {
        CronPattern pattern = cron.pattern();
        Given timezone = cron.timezone();
        ZoneId zone = cron.zone();
        Object newCron = params.get("cron");
        Object newTimezone = params.get("timezone");
        if (JsValues.truthy(newCron) || JsValues.truthy(newTimezone)) {
            Object cronValue = JsValues.truthy(newCron) ? newCron : pattern.source();
            Object zoneValue = JsValues.truthy(newTimezone) ? newTimezone : timezone == null ? null : timezone.value();
            zone = zone(zoneValue);
            pattern = pattern(cronValue);
            if (JsValues.truthy(newCron) && JsValues.truthy(params.get("limitCronFields"))
                    && hasSecondsGranularity(pattern.source())) {
                throw new IllegalArgumentException(AlarmMessages.CRON_SECONDS_NOT_ALLOWED);
            }
            if (JsValues.truthy(newTimezone)) {
                timezone = new Given(newTimezone);
            }
        }
        Given strict = params.containsKey("strict") ? new Given(params.get("strict")) : cron.strict();
        Dates dates = updateDates(cron.startDate(), cron.stopDate(), params, now);
        return new AlarmSchedule.Cron(pattern, timezone, zone, dates.start() != null ? dates.start() : cron.startDate(),
                dates.stop(), strict, cron.maxTriggers());
    }

    /** The new start date (null when not given) and the stop date (the old one when not given). */
    private record Dates(AlarmDate start, AlarmDate stop) {
    }

    private static Dates updateDates(AlarmDate oldStart, AlarmDate oldStop, Map<String, Object> params, Instant now) {
        AlarmDate start = optionalFutureDate("startDate", params, null, now);
        if (JsValues.truthy(params.get("stopDate"))) {
            AlarmDate startForStop = start != null ? start : oldStart;
            return new Dates(start, optionalFutureDate("stopDate", params, startForStop, now));
        }
        if (start != null && oldStop != null && !start.at().isBefore(oldStop.at())) {
            throw new IllegalArgumentException(AlarmMessages.startNotBeforeStop(start.given(), oldStop.given()));
        }
        return new Dates(start, oldStop);
    }

    // Single parameters

    private static Map<String, Object> createPayload(Object payload) {
        if (payload instanceof String || JsValues.truthy(payload)) {
            return wrapPayload(payload);
        }
        return Map.of();
    }

    /**
     * An object is the payload itself; a string becomes {@code {"payload": string}}, as on the platform. Anything
     * else (a number, a list) is wrapped the same way, where the platform would post it as it is and fail.
     */
    private static Map<String, Object> wrapPayload(Object payload) {
        if (payload instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("payload", payload);
        return wrapped;
    }

    private static long minutes(Object value) {
        double number = JsValues.number(value);
        double integer = JsValues.parseInt(value);
        if (!(number == integer)) {
            throw new IllegalArgumentException(AlarmMessages.MINUTES_NOT_INTEGER);
        }
        if (integer <= 0) {
            throw new IllegalArgumentException(AlarmMessages.MINUTES_NOT_POSITIVE);
        }
        return (long) Math.min(integer, Long.MAX_VALUE);
    }

    private static String deleteAfterFire(Map<String, Object> params) {
        Object value = params.get("deleteAfterFire");
        if (!JsValues.truthy(value)) {
            return null;
        }
        String normalized = JsValues.string(value).strip().toLowerCase(java.util.Locale.ROOT);
        if (!DELETE_AFTER_FIRE_VALUES.contains(normalized)) {
            throw new IllegalArgumentException(AlarmMessages.DELETE_AFTER_FIRE_INVALID);
        }
        return normalized;
    }

    private static ZoneId zone(Object timezone) {
        if (!JsValues.truthy(timezone)) {
            return ZoneOffset.UTC;
        }
        if (timezone instanceof String name) {
            Set<String> known = ZoneId.getAvailableZoneIds();
            if (known.contains(name)) {
                return ZoneId.of(name);
            }
            if (FIXED_ZONES.containsKey(name)) {
                return FIXED_ZONES.get(name);
            }
        }
        throw new IllegalArgumentException(AlarmMessages.INVALID_TIMEZONE);
    }

    private static CronPattern pattern(Object cron) {
        if (!(cron instanceof String source)) {
            throw new IllegalArgumentException(AlarmMessages.cronInvalid(cron));
        }
        try {
            return CronPattern.parse(source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(AlarmMessages.cronInvalid(cron), e);
        }
    }

    /** Six fields whose seconds field is not just {@code 0}. */
    private static boolean hasSecondsGranularity(String cron) {
        String[] fields = cron.strip().split(CronPattern.JS_SPACE + "+");
        return fields.length > 5 && !fields[fields.length - 6].equals("0");
    }

    private static AlarmDate optionalFutureDate(String name, Map<String, Object> params, AlarmDate startDate,
                                                Instant now) {
        Object value = params.get(name);
        return JsValues.truthy(value) ? futureDate(name, value, startDate, now) : null;
    }

    /** A date that must be valid, after now, and after the start date when one is given. */
    private static AlarmDate futureDate(String name, Object value, AlarmDate startDate, Instant now) {
        Instant at = JsDates.parse(value);
        if (at == null) {
            throw new IllegalArgumentException(AlarmMessages.dateInvalid(name, value));
        }
        if (!at.isAfter(now)) {
            throw new IllegalArgumentException(AlarmMessages.dateNotInFuture(name, value));
        }
        if (startDate != null && !at.isAfter(startDate.at())) {
            throw new IllegalArgumentException(AlarmMessages.dateNotAfterStart(name, value, startDate.given()));
        }
        return new AlarmDate(value, at);
    }

    private static Given given(Map<String, Object> params, String name) {
        return params.containsKey(name) ? new Given(params.get(name)) : null;
    }
}
