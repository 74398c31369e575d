package dev.whiskstudio.plugin.alarms;

import java.time.Instant;

/**
 * Whether a trigger fires, since when, and (when it does not) why: READ's {@code status}.
 *
 * @param reason null while active
 */
record AlarmStatus(boolean active, Instant dateChanged, Reason reason) {

    /** Why a trigger stopped: {@code AUTO} when the service stopped it, {@code USER} when it was paused. */
    record Reason(String kind, String message) {
    }

    static AlarmStatus active(Instant at) {
        return new AlarmStatus(true, at, null);
    }

    static AlarmStatus disabled(Instant at, String message) {
        return new AlarmStatus(false, at, new Reason("AUTO", message));
    }

    static AlarmStatus paused(Instant at) {
        return new AlarmStatus(false, at, new Reason("USER", AlarmMessages.PAUSED));
    }
}
