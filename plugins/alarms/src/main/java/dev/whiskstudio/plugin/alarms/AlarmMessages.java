package dev.whiskstudio.plugin.alarms;

/**
 * Every message the feed gives, worded as the platform's alarms service words it (its web action for errors on
 * CREATE and UPDATE, its provider for the reasons a trigger stops), so a user sees the same text locally as on a
 * deployment. Values are written as JavaScript writes them into a string.
 */
final class AlarmMessages {

    private AlarmMessages() {
    }

    // Errors answered to CREATE and UPDATE

    static final String CRON_MISSING = "alarms trigger feed is missing the cron parameter";
    static final String DATE_MISSING = "alarms once trigger feed is missing the date parameter";
    static final String MINUTES_MISSING = "interval trigger feed is missing the minutes parameter";
    static final String MINUTES_NOT_INTEGER = "the minutes parameter must be an integer";
    static final String MINUTES_NOT_POSITIVE = "the minutes parameter must be an integer greater than zero";
    static final String INVALID_TIMEZONE = "Invalid timezone.";
    static final String CRON_SECONDS_NOT_ALLOWED =
            "cron pattern is limited to 5 fields with 1 minute as the finest granularity";
    static final String DELETE_AFTER_FIRE_INVALID = "deleteAfterFire parameter must be one of [false, true, rules].";
    static final String MAX_TRIGGERS_WITH_INTERVAL =
            "maxTriggers is not supported for the interval trigger feed";
    static final String MAX_TRIGGERS_WITH_STOP_DATE =
            "maxTriggers is not allowed when the stopDate parameter is specified";
    static final String FIRST_FIRE_AFTER_STOP_DATE = "the first scheduled trigger fire is not until after the stop date";
    static final String NOTHING_TO_UPDATE = "no updatable parameters were specified";

    static String cronInvalid(Object cron) {
        return "cron pattern '" + JsValues.string(cron) + "' is not valid";
    }

    static String dateInvalid(String parameter, Object date) {
        return parameter + " parameter '" + JsValues.string(date) + "' is not a valid Date";
    }

    static String dateNotInFuture(String parameter, Object date) {
        return parameter + " parameter '" + JsValues.string(date) + "' must be in the future";
    }

    static String dateNotAfterStart(String parameter, Object date, Object startDate) {
        return parameter + " parameter '" + JsValues.string(date)
                + "' must be greater than the startDate parameter '" + JsValues.string(startDate) + "'";
    }

    static String startNotBeforeStop(Object startDate, Object stopDate) {
        return "startDate parameter '" + JsValues.string(startDate)
                + "' must be less than the stopDate parameter '" + JsValues.string(stopDate) + "'";
    }

    static String unknownTrigger(QualifiedName trigger) {
        return "could not find trigger /" + trigger.namespace() + "/" + trigger.name() + " in the database";
    }

    static String unknownFeed(String feed) {
        return "unknown feed '" + feed + "' in " + AlarmsFeedProvider.PACKAGE;
    }

    // Why a trigger stopped, as READ's status.reason.message gives it

    static final String DISABLED_AFTER_ONCE = "Automatically disabled after firing once";
    static final String DISABLED_AFTER_LAST_CRON = "Automatically disabled after firing last scheduled cron trigger";
    static final String DISABLED_AFTER_LAST_INTERVAL =
            "Automatically disabled after firing last scheduled interval trigger";
    static final String DISABLED_AFTER_MAX_TRIGGERS = "Automatically disabled after reaching max triggers";
    static final String STOP_DATE_EXPIRED = "the stop date has expired";
    static final String NEXT_FIRE_AFTER_STOP_DATE = "the next scheduled trigger fire is after the stop date";
    static final String ONCE_DATE_EXPIRED = "the fire once date has expired";
    /** Our own: the platform's feed answers PAUSE with 'unsupported lifecycleEvent'. */
    static final String PAUSED = "Paused";

    static String disabledOnStart(String why) {
        return "Automatically disabled after receiving error on trigger creation: " + why;
    }
}
