package dev.whiskstudio.plugin.alarms;

import dev.whiskstudio.plugin.FeedLifecycle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.whiskstudio.plugin.alarms.AlarmsFeedProviderTest.params;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each message CREATE and UPDATE answer with, worded and ordered as the platform's alarms web action does. */
class AlarmValidationTest {

    private static final String TRIGGER = "/guest/t";
    /** The context's time, 2021-03-01T00:00:00Z. */
    private static final long NOW = Instant.parse("2021-03-01T00:00:00Z").toEpochMilli();

    private final AlarmsFeedProvider provider = new AlarmsFeedProvider();
    private final ManualTime time = new ManualTime("2021-03-01T00:00:00Z");

    private String createError(String feed, Map<String, Object> params) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> provider.create(feed, TRIGGER, params, time));
        assertEquals(Map.of(), provider.read(feed, TRIGGER), "a refused trigger is not kept");
        return e.getMessage();
    }

    private String updateError(Map<String, Object> params) {
        return assertThrows(IllegalArgumentException.class, () -> provider.update("alarm", TRIGGER, params))
                .getMessage();
    }

    // alarm

    @Test
    void cronIsRequired() {
        assertEquals("alarms trigger feed is missing the cron parameter",
                createError("alarm", params("trigger_payload", "alarmTest")));
        assertEquals("alarms trigger feed is missing the cron parameter", createError("alarm", params("cron", "")));
    }

    @Test
    void cronMustParse() {
        assertEquals("cron pattern '***' is not valid", createError("alarm", params("cron", "***")));
        assertEquals("cron pattern '*/0 * * * *' is not valid", createError("alarm", params("cron", "*/0 * * * *")));
        assertEquals("cron pattern '0 0 1 12 *' is not valid", createError("alarm", params("cron", "0 0 1 12 *")));
        assertEquals("cron pattern '1614556800000' is not valid", createError("alarm", params("cron", NOW)));
    }

    @Test
    void timezoneMustBeKnownAndIsCheckedBeforeTheCron() {
        assertEquals("Invalid timezone.", createError("alarm", params("cron", "* * * * *", "timezone", "America/RTP")));
        assertEquals("Invalid timezone.", createError("alarm", params("cron", "nonsense", "timezone", "utc")));
        assertEquals("Invalid timezone.", createError("alarm", params("cron", "* * * * *", "timezone", 5)));
        assertDoesNotThrow(() -> provider.create("alarm", "/guest/a", params("cron", "* * * * *", "timezone", ""), time));
        assertDoesNotThrow(() -> provider.create("alarm", "/guest/b", params("cron", "* * * * *", "timezone", "EST"), time));
        assertDoesNotThrow(() -> provider.create("alarm", "/guest/c",
                params("cron", "* * * * *", "timezone", "Etc/GMT+2"), time));
    }

    @Test
    void limitCronFieldsRefusesSecondsButNotAZeroSecondsField() {
        assertEquals("cron pattern is limited to 5 fields with 1 minute as the finest granularity",
                createError("alarm", params("cron", "* * * * * *", "limitCronFields", true)));
        assertDoesNotThrow(() -> provider.create("alarm", "/guest/a",
                params("cron", "0 * * * * *", "limitCronFields", true), time));
        assertDoesNotThrow(() -> provider.create("alarm", "/guest/b", params("cron", "* * * * * *"), time));
    }

    @Test
    void startDateMustBeAValidFutureDate() {
        assertEquals("startDate parameter 'soon' is not a valid Date",
                createError("alarm", params("cron", "* * * * *", "startDate", "soon")));
        assertEquals("startDate parameter '1614556795000' must be in the future",
                createError("alarm", params("cron", "* * * * *", "startDate", NOW - 5000)));
        assertEquals("startDate parameter '1614556800000' must be in the future",
                createError("alarm", params("cron", "* * * * *", "startDate", (double) NOW)));
    }

    @Test
    void stopDateMustComeAfterTheStartDate() {
        assertEquals("stopDate parameter '2021-03-01T01:00:00Z' must be greater than the startDate parameter "
                + "'2021-03-01T01:00:00Z'", createError("alarm", params("cron", "* * * * *",
                "startDate", "2021-03-01T01:00:00Z", "stopDate", "2021-03-01T01:00:00Z")));
        assertEquals("stopDate parameter '2020-01-01' must be in the future",
                createError("alarm", params("cron", "* * * * *", "stopDate", "2020-01-01")));
    }

    @Test
    void theFirstFireMustComeBeforeTheStopDate() {
        // 1 February (months count from 0) is eleven months away
        assertEquals("the first scheduled trigger fire is not until after the stop date",
                createError("alarm", params("cron", "0 0 1 1 *", "stopDate", "2021-03-02T00:00:00Z")));
    }

    @Test
    void maxTriggersCannotGoWithAStopDate() {
        assertEquals("maxTriggers is not allowed when the stopDate parameter is specified",
                createError("alarm", params("cron", "* * * * *", "maxTriggers", 3, "stopDate", "2021-04-01")));
    }

    // interval

    @Test
    void minutesIsRequiredAndZeroCountsAsMissing() {
        assertEquals("interval trigger feed is missing the minutes parameter",
                createError("interval", params("trigger_payload", "alarmTest")));
        assertEquals("interval trigger feed is missing the minutes parameter", createError("interval", params("minutes", 0)));
    }

    @Test
    void minutesMustBeAnInteger() {
        for (Object bad : List.of("five", 2.5, "2.5", "1e3", true, "")) {
            String expected = JsValues.truthy(bad) ? "the minutes parameter must be an integer"
                    : "interval trigger feed is missing the minutes parameter";
            assertEquals(expected, createError("interval", params("minutes", bad)), "minutes " + bad);
        }
        for (Object good : List.of("5", " 5 ", 5.0, 5L, "+5")) {
            provider.create("interval", "/guest/ok", params("minutes", good), time);
            assertEquals(5L, ((Map<?, ?>) provider.read("interval", "/guest/ok").get("config")).get("minutes"));
        }
        // as JavaScript reads it: Number("0x10") and parseInt("0x10") are both 16
        provider.create("interval", "/guest/hex", params("minutes", "0x10"), time);
        assertEquals(16L, ((Map<?, ?>) provider.read("interval", "/guest/hex").get("config")).get("minutes"));
    }

    @Test
    void minutesMustBePositive() {
        assertEquals("the minutes parameter must be an integer greater than zero",
                createError("interval", params("minutes", -3)));
        assertEquals("the minutes parameter must be an integer greater than zero",
                createError("interval", params("minutes", "0")));
    }

    @Test
    void intervalStopDateIsComparedWithTheDefaultStartThirtySecondsOn() {
        assertEquals("stopDate parameter '1614556810000' must be greater than the startDate parameter '1614556830000'",
                createError("interval", params("minutes", 1, "stopDate", NOW + 10_000)));
    }

    @Test
    void maxTriggersIsNotForIntervals() {
        assertEquals("maxTriggers is not supported for the interval trigger feed",
                createError("interval", params("minutes", 1, "maxTriggers", 3, "stopDate", "2021-04-01")));
    }

    // once

    @Test
    void dateIsRequired() {
        assertEquals("alarms once trigger feed is missing the date parameter",
                createError("once", params("trigger_payload", "alarmTest")));
    }

    @Test
    void dateMustBeAValidFutureDate() {
        assertEquals("date parameter 'tomorrow' is not a valid Date", createError("once", params("date", "tomorrow")));
        assertEquals("date parameter '[object Object]' is not a valid Date", createError("once", params("date", Map.of())));
        assertEquals("date parameter '1614556795000' must be in the future",
                createError("once", params("date", NOW - 5000)));
        assertEquals("date parameter '2021-03-01T00:00:00.000Z' must be in the future",
                createError("once", params("date", "2021-03-01T00:00:00.000Z")));
    }

    @Test
    void deleteAfterFireMustBeFalseTrueOrRules() {
        assertEquals("deleteAfterFire parameter must be one of [false, true, rules].",
                createError("once", params("date", "2021-04-01", "deleteAfterFire", "sometimes")));
    }

    @Test
    void unknownFeed() {
        assertEquals("unknown feed 'hourly' in /whisk.system/alarms", createError("hourly", params("cron", "* * * * *")));
    }

    // UPDATE

    @Test
    void updateNeedsAParameterThisKindOfTriggerCanChange() {
        provider.create("once", TRIGGER, params("date", NOW + 20_000), time);

        // the platform's own negative test: a once trigger has no start or stop date
        assertEquals("no updatable parameters were specified",
                updateError(params("startDate", NOW + 20_000, "stopDate", NOW + 30_000, "lifecycleEvent", "UPDATE")));
        assertEquals("no updatable parameters were specified", updateError(params("trigger_payload", "")));
    }

    @Test
    void updatedStartDateMustStayBeforeTheStopDate() {
        long start = NOW + 20_000;
        long stop = start + 10_000;
        provider.create("interval", TRIGGER, params("minutes", 1, "startDate", start, "stopDate", stop), time);

        assertEquals("startDate parameter '" + (NOW + 2_000_000) + "' must be less than the stopDate parameter '"
                + stop + "'", updateError(params("startDate", NOW + 2_000_000)));
        assertEquals("stopDate parameter '" + (start - 1) + "' must be greater than the startDate parameter '"
                + start + "'", updateError(params("stopDate", start - 1)));
    }

    @Test
    void updateChecksWhatItChanges() {
        provider.create("alarm", TRIGGER, params("cron", "* * * * *"), time);

        assertEquals("cron pattern '61 * * * *' is not valid", updateError(params("cron", "61 * * * *")));
        assertEquals("Invalid timezone.", updateError(params("timezone", "Mars/Olympus")));
        assertEquals("cron pattern is limited to 5 fields with 1 minute as the finest granularity",
                updateError(params("cron", "*/5 * * * * *", "limitCronFields", "true")));
        assertEquals("startDate parameter '2020-01-01' must be in the future", updateError(params("startDate", "2020-01-01")));
        assertDoesNotThrow(() -> provider.update("alarm", TRIGGER, params("strict", false)));
    }

    @Test
    void updateOfIntervalAndOnceChecksTheirParameters() {
        provider.create("interval", "/guest/i", params("minutes", 1), time);
        provider.create("once", "/guest/o", params("date", "2021-04-01"), time);

        assertEquals("the minutes parameter must be an integer", assertThrows(IllegalArgumentException.class,
                () -> provider.update("interval", "/guest/i", params("minutes", "x"))).getMessage());
        assertEquals("deleteAfterFire parameter must be one of [false, true, rules].",
                assertThrows(IllegalArgumentException.class,
                        () -> provider.update("once", "/guest/o", params("deleteAfterFire", "never"))).getMessage());
    }

    @Test
    void aRefusedUpdateLeavesTheTriggerAsItWas() {
        provider.create("alarm", TRIGGER, params("cron", "0 * * * *"), time);

        updateError(params("cron", "bad cron", "trigger_payload", "new"));
        time.advanceTo("2021-03-01T01:00:00Z");

        assertEquals(List.of(Instant.parse("2021-03-01T01:00:00Z")), time.firedAt());
        assertEquals(Map.of(), time.fired().get(0).payload());
    }

    @Test
    void updateOrChangeOfAnUnknownTrigger() {
        assertEquals("could not find trigger /guest/t in the database", updateError(params("cron", "* * * * *")));
        assertEquals("could not find trigger /guest/t in the database", assertThrows(IllegalArgumentException.class,
                () -> provider.change("alarm", TRIGGER, FeedLifecycle.PAUSE)).getMessage());
    }
}
