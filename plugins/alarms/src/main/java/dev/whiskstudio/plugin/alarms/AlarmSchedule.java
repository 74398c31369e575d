package dev.whiskstudio.plugin.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When one of the three feeds fires, with the platform provider's rules for the first fire (when a trigger is
 * created, updated or resumed) and for what follows each fire. Times are computed from the instant a fire was due,
 * so a late-running task does not shift the schedule, and fires missed while the clock jumped are skipped, as the
 * platform's timers skip them.
 */
sealed interface AlarmSchedule {

    /** The first fire, or why the trigger cannot start (the platform then disables it). */
    Start start(Instant now);

    /** After a fire that was due at {@code due}: the next one, or why the trigger stops. */
    Next next(Instant due, Instant now);

    /** The first fire's time, or the refusal (a provider message, see {@link AlarmMessages}). */
    record Start(Instant at, String refusal) {
        static Start at(Instant at) {
            return new Start(at, null);
        }

        static Start refused(String refusal) {
            return new Start(null, refusal);
        }
    }

    /**
     * What follows a fire: another at {@code at}; or a stop with a reason; or, for a once trigger that deletes
     * itself, that the feed forgets it.
     */
    record Next(Instant at, String stopReason, boolean forget) {
        static Next at(Instant at) {
            return new Next(at, null, false);
        }

        static Next stop(String reason) {
            return new Next(null, reason, false);
        }

        static Next forgetTrigger() {
            return new Next(null, null, true);
        }
    }

    /**
     * The {@code alarm} feed.
     *
     * @param timezone    the parameter as given, or null when it was not
     * @param zone        the zone the pattern is read in (UTC without a timezone)
     * @param startDate   null when not given
     * @param stopDate    null when not given
     * @param strict      the parameter as given, or null when it was not
     * @param maxTriggers how many fires at most; -1 for no limit (the deprecated parameter, counted only without a
     *                    stop date)
     */
    record Cron(CronPattern pattern, Given timezone, ZoneId zone, AlarmDate startDate, AlarmDate stopDate,
                Given strict, double maxTriggers) implements AlarmSchedule {

        boolean limitsFires() {
            return maxTriggers != -1 && stopDate == null;
        }

        Instant nextMatch(Instant after) {
            return pattern.nextAfter(after, zone);
        }

        @Override
        public Start start(Instant now) {
            if (stopDate != null) {
                if (!stopDate.at().isAfter(now)) {
                    return Start.refused(AlarmMessages.STOP_DATE_EXPIRED);
                }
                if (isAfterStop(nextMatch(now))) {
                    return Start.refused(AlarmMessages.NEXT_FIRE_AFTER_STOP_DATE);
                }
            }
            Instant from = startDate != null && startDate.at().isAfter(now) ? startDate.at() : now;
            Instant first = nextMatch(from);
            // the platform would still fire once past the stop date here, then disable; we do not fire past it
            if (isAfterStop(first)) {
                return Start.refused(AlarmMessages.NEXT_FIRE_AFTER_STOP_DATE);
            }
            return Start.at(first);
        }

        @Override
        public Next next(Instant due, Instant now) {
            Instant next = nextMatch(later(due, now));
            if (isAfterStop(next)) {
                return Next.stop(AlarmMessages.DISABLED_AFTER_LAST_CRON);
            }
            return Next.at(next);
        }

        private boolean isAfterStop(Instant t) {
            return stopDate != null && (t == null || t.isAfter(stopDate.at()));
        }
    }

    /**
     * The {@code interval} feed: fires at the start date and every {@code minutes} after it.
     *
     * @param startDate always set: the platform makes it 30 seconds after creation when none is given
     * @param stopDate  null when not given
     */
    record Interval(long minutes, AlarmDate startDate, AlarmDate stopDate) implements AlarmSchedule {

        @Override
        public Start start(Instant now) {
            if (stopDate != null && !stopDate.at().isAfter(now)) {
                return Start.refused(AlarmMessages.STOP_DATE_EXPIRED);
            }
            if (startDate.at().isAfter(now)) {
                return Start.at(startDate.at());
            }
            Instant next = gridPointAfter(now);
            if (stopDate != null && (next == null || next.isAfter(stopDate.at()))) {
                return Start.refused(AlarmMessages.NEXT_FIRE_AFTER_STOP_DATE);
            }
            return Start.at(next);
        }

        @Override
        public Next next(Instant due, Instant now) {
            Instant next = gridPointAfter(later(due, now));
            if (stopDate != null && (after(due, minutes).isAfter(stopDate.at())
                    || next == null || next.isAfter(stopDate.at()))) {
                return Next.stop(AlarmMessages.DISABLED_AFTER_LAST_INTERVAL);
            }
            return Next.at(next);
        }

        /** The first of startDate + k * minutes strictly after {@code t} (which is not before startDate). */
        private Instant gridPointAfter(Instant t) {
            try {
                long period = Math.multiplyExact(minutes, 60_000L);
                long elapsed = Math.subtractExact(t.toEpochMilli(), startDate.at().toEpochMilli());
                long periods = Math.floorDiv(elapsed, period) + 1;
                return startDate.at().plusMillis(Math.multiplyExact(periods, period));
            } catch (ArithmeticException | java.time.DateTimeException tooFar) {
                return null;
            }
        }

        private static Instant after(Instant t, long minutes) {
            try {
                return t.plus(Duration.ofMinutes(minutes));
            } catch (ArithmeticException | java.time.DateTimeException tooFar) {
                return Instant.MAX;
            }
        }
    }

    /**
     * The {@code once} feed.
     *
     * @param deleteAfterFire {@code "false"}, {@code "true"} or {@code "rules"} as given (lower-cased), or null
     */
    record Once(AlarmDate date, String deleteAfterFire) implements AlarmSchedule {

        /** Whether the platform deletes the trigger (and, for {@code rules}, its rules) once it has fired. */
        boolean deletesAfterFire() {
            return deleteAfterFire != null && !deleteAfterFire.equals("false");
        }

        @Override
        public Start start(Instant now) {
            return date.at().isAfter(now) ? Start.at(date.at()) : Start.refused(AlarmMessages.ONCE_DATE_EXPIRED);
        }

        @Override
        public Next next(Instant due, Instant now) {
            return deletesAfterFire() ? Next.forgetTrigger() : Next.stop(AlarmMessages.DISABLED_AFTER_ONCE);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
