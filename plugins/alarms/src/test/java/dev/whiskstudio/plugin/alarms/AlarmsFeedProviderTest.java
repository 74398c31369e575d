package dev.whiskstudio.plugin.alarms;

import dev.whiskstudio.plugin.FeedLifecycle;
import dev.whiskstudio.plugin.FeedProvider;
import dev.whiskstudio.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three feeds firing on the simulator's clock, and the lifecycle events around them. */
class AlarmsFeedProviderTest {

    private static final String TRIGGER = "/guest/periodic";
    private static final Map<String, Object> ODIN = Map.of("name", "Odin", "place", "Asgard");

    private final AlarmsFeedProvider provider = new AlarmsFeedProvider();
    private final ManualTime time = new ManualTime("2021-03-01T00:00:00Z");

    static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<Instant> instants(String... isos) {
        return java.util.Arrays.stream(isos).map(Instant::parse).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status() {
        return (Map<String, Object>) provider.read("alarm", TRIGGER).get("status");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> config() {
        return (Map<String, Object>) provider.read("alarm", TRIGGER).get("config");
    }

    @SuppressWarnings("unchecked")
    private String reason() {
        Map<String, Object> reason = (Map<String, Object>) status().get("reason");
        return reason == null ? null : (String) reason.get("message");
    }

    // The plugin

    @Test
    void isFoundThroughServiceLoaderWithItsPackageAndFeeds() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

        FeedProvider alarms = registry.feeds().stream()
                .filter(f -> f.packageName().equals("/whisk.system/alarms")).findFirst().orElseThrow();
        assertInstanceOf(AlarmsFeedProvider.class, alarms);
        assertEquals(Set.of("alarm", "interval", "once"), alarms.feeds());
    }

    // alarm

    @Test
    void alarmFiresOnEachCronMatchWithThePayload() {
        provider.create("alarm", TRIGGER, params("cron", "*/2 * * * *", "trigger_payload", ODIN), time);

        time.advanceTo("2021-03-01T00:07:00Z");

        assertEquals(instants("2021-03-01T00:02:00Z", "2021-03-01T00:04:00Z", "2021-03-01T00:06:00Z"), time.firedAt());
        assertTrue(time.fired().stream().allMatch(f -> f.trigger().equals(TRIGGER) && f.payload().equals(ODIN)));
    }

    @Test
    void eachFireGetsItsOwnCopyOfThePayload() {
        provider.create("alarm", TRIGGER, params("cron", "* * * * *", "trigger_payload", ODIN), time);
        time.advanceTo("2021-03-01T00:01:00Z");

        time.fired().get(0).payload().put("name", "Loki");
        time.advanceTo("2021-03-01T00:02:00Z");

        assertEquals(ODIN, time.fired().get(1).payload());
    }

    @Test
    void aStringPayloadArrivesAsPayloadAndNoneAsAnEmptyObject() {
        provider.create("alarm", "/guest/a", params("cron", "* * * * *", "trigger_payload", "hello"), time);
        provider.create("alarm", "/guest/b", params("cron", "* * * * *", "trigger_payload", ""), time);
        provider.create("alarm", "/guest/c", params("cron", "* * * * *"), time);

        time.advanceTo("2021-03-01T00:01:00Z");

        assertEquals(Map.of("payload", "hello"), payloadOf("/guest/a"));
        assertEquals(Map.of("payload", ""), payloadOf("/guest/b"));
        assertEquals(Map.of(), payloadOf("/guest/c"));
    }

    private Map<String, Object> payloadOf(String trigger) {
        return time.fired().stream().filter(f -> f.trigger().equals(trigger)).findFirst().orElseThrow().payload();
    }

    @Test
    void sixFieldCronFiresOnSeconds() {
        provider.create("alarm", TRIGGER, params("cron", "*/20 * * * * *"), time);

        time.advanceTo("2021-03-01T00:01:00Z");

        assertEquals(instants("2021-03-01T00:00:20Z", "2021-03-01T00:00:40Z", "2021-03-01T00:01:00Z"), time.firedAt());
    }

    @Test
    void alarmReadsItsCronInTheTimezoneAcrossADaylightSavingChange() {
        ManualTime march = new ManualTime("2021-03-26T12:00:00Z");
        provider.create("alarm", TRIGGER, params("cron", "0 9 * * *", "timezone", "Europe/Berlin"), march);

        march.advanceTo("2021-03-29T12:00:00Z");

        // 09:00 in Berlin is 08:00 UTC before the clocks go forward on 28 March, 07:00 UTC after
        assertEquals(instants("2021-03-27T08:00:00Z", "2021-03-28T07:00:00Z", "2021-03-29T07:00:00Z"),
                march.firedAt());
    }

    @Test
    void alarmStartsMatchingAfterItsStartDate() {
        provider.create("alarm", TRIGGER,
                params("cron", "0 * * * *", "startDate", "2021-03-01T05:30:00.000Z"), time);

        time.advanceTo("2021-03-01T07:00:00Z");

        assertEquals(instants("2021-03-01T06:00:00Z", "2021-03-01T07:00:00Z"), time.firedAt());
    }

    @Test
    void alarmFiresUntilItsStopDateThenDisablesItself() {
        provider.create("alarm", TRIGGER, params("cron", "0 * * * *", "stopDate", "2021-03-01T03:00:00Z"), time);

        time.advanceTo("2021-03-02T00:00:00Z");

        assertEquals(instants("2021-03-01T01:00:00Z", "2021-03-01T02:00:00Z", "2021-03-01T03:00:00Z"), time.firedAt());
        assertEquals(false, status().get("active"));
        assertEquals("Automatically disabled after firing last scheduled cron trigger", reason());
        assertEquals(0, time.waiting());
    }

    @Test
    void alarmWhoseFirstMatchAfterItsStartDateIsPastItsStopDateNeverFires() {
        provider.create("alarm", TRIGGER, params("cron", "0 * * * *",
                "startDate", "2021-03-01T05:10:00Z", "stopDate", "2021-03-01T05:50:00Z"), time);

        time.advanceTo("2021-03-02T00:00:00Z");

        assertEquals(List.of(), time.fired());
        assertEquals("Automatically disabled after receiving error on trigger creation: "
                + "the next scheduled trigger fire is after the stop date", reason());
    }

    @Test
    void deprecatedMaxTriggersStopsTheAlarmAfterThatManyFires() {
        provider.create("alarm", TRIGGER, params("cron", "* * * * *", "maxTriggers", 2), time);

        time.advanceTo("2021-03-01T00:10:00Z");

        assertEquals(instants("2021-03-01T00:01:00Z", "2021-03-01T00:02:00Z"), time.firedAt());
        assertEquals(false, status().get("active"));
        assertEquals("Automatically disabled after reaching max triggers", reason());
    }

    @Test
    void alarmSkipsFiresMissedWhileTheClockJumped() {
        provider.create("alarm", TRIGGER, params("cron", "* * * * *"), time);

        // the machine sleeps from 00:00 to 00:10: the fire due at 00:01 runs late, once, and the schedule goes on
        time.jumpTo("2021-03-01T00:10:00.250Z");
        time.advanceTo("2021-03-01T00:12:00Z");

        assertEquals(instants("2021-03-01T00:10:00.250Z", "2021-03-01T00:11:00Z", "2021-03-01T00:12:00Z"),
                time.firedAt());
    }

    @Test
    void intervalSkipsFiresMissedWhileTheClockJumpedAndKeepsItsGrid() {
        provider.create("interval", TRIGGER, params("minutes", 5, "startDate", "2021-03-01T00:05:00Z"), time);

        time.jumpTo("2021-03-01T00:23:00Z");
        time.advanceTo("2021-03-01T00:31:00Z");

        assertEquals(instants("2021-03-01T00:23:00Z", "2021-03-01T00:25:00Z", "2021-03-01T00:30:00Z"),
                time.firedAt());
    }

    // interval

    @Test
    void intervalWithoutStartDateStartsThirtySecondsOnAndRepeatsEveryNMinutes() {
        provider.create("interval", TRIGGER, params("minutes", 2, "trigger_payload", ODIN), time);

        time.advanceTo("2021-03-01T00:05:00Z");

        assertEquals(instants("2021-03-01T00:00:30Z", "2021-03-01T00:02:30Z", "2021-03-01T00:04:30Z"), time.firedAt());
        assertEquals(ODIN, time.fired().get(0).payload());
        assertEquals(Instant.parse("2021-03-01T00:00:30Z").toEpochMilli(), config().get("startDate"));
    }

    @Test
    void intervalFiresAtItsStartDateAndStopsAtItsStopDate() {
        provider.create("interval", TRIGGER, params("minutes", 10,
                "startDate", "2021-03-01T01:00:00Z", "stopDate", "2021-03-01T01:25:00Z"), time);

        time.advanceTo("2021-03-01T03:00:00Z");

        assertEquals(instants("2021-03-01T01:00:00Z", "2021-03-01T01:10:00Z", "2021-03-01T01:20:00Z"), time.firedAt());
        assertEquals(false, status().get("active"));
        assertEquals("Automatically disabled after firing last scheduled interval trigger", reason());
    }

    @Test
    void intervalFiresOnAStopDateThatFallsOnItsGrid() {
        provider.create("interval", TRIGGER, params("minutes", 10,
                "startDate", "2021-03-01T01:00:00Z", "stopDate", "2021-03-01T01:20:00Z"), time);

        time.advanceTo("2021-03-01T03:00:00Z");

        assertEquals(instants("2021-03-01T01:00:00Z", "2021-03-01T01:10:00Z", "2021-03-01T01:20:00Z"), time.firedAt());
    }

    @Test
    void intervalUpdateKeepsItsGridAnchoredAtTheStartDate() {
        provider.create("interval", TRIGGER, params("minutes", 10, "startDate", "2021-03-01T01:00:00Z"), time);
        time.advanceTo("2021-03-01T01:12:00Z");

        provider.update("interval", TRIGGER, params("minutes", 4));
        time.advanceTo("2021-03-01T01:25:00Z");

        assertEquals(instants("2021-03-01T01:00:00Z", "2021-03-01T01:10:00Z",
                "2021-03-01T01:16:00Z", "2021-03-01T01:20:00Z", "2021-03-01T01:24:00Z"), time.firedAt());
        assertEquals(4L, config().get("minutes"));
    }

    // once

    @Test
    void onceFiresOnceAtItsDateThenDisablesItself() {
        provider.create("once", TRIGGER, params("date", "2021-03-01T12:30:00.000Z", "trigger_payload", ODIN), time);

        time.advanceTo("2021-03-05T00:00:00Z");

        assertEquals(instants("2021-03-01T12:30:00Z"), time.firedAt());
        assertEquals(ODIN, time.fired().get(0).payload());
        assertEquals(false, status().get("active"));
        assertEquals("Automatically disabled after firing once", reason());
    }

    @Test
    void onceAcceptsMillisecondsSince1970() {
        long date = Instant.parse("2021-03-01T00:00:05Z").toEpochMilli();
        provider.create("once", TRIGGER, params("date", date), time);

        time.advanceTo("2021-03-01T00:01:00Z");

        assertEquals(instants("2021-03-01T00:00:05Z"), time.firedAt());
        assertEquals(date, config().get("date"));
    }

    @Test
    void onceThatDeletesAfterFireIsForgottenOnceFired() {
        provider.create("once", "/guest/a", params("date", "2021-03-01T01:00:00Z", "deleteAfterFire", "TRUE"), time);
        provider.create("once", "/guest/b", params("date", "2021-03-01T01:00:00Z", "deleteAfterFire", "rules"), time);
        provider.create("once", "/guest/c", params("date", "2021-03-01T01:00:00Z", "deleteAfterFire", false), time);

        time.advanceTo("2021-03-01T02:00:00Z");

        assertEquals(3, time.fired().size());
        assertEquals(Map.of(), provider.read("once", "/guest/a"));
        assertEquals(Map.of(), provider.read("once", "/guest/b"));
        assertFalse(provider.read("once", "/guest/c").isEmpty());
    }

    @Test
    void onceWhoseDateHasPassedCannotBeResumed() {
        provider.create("once", TRIGGER, params("date", "2021-03-01T01:00:00Z"), time);
        provider.change("once", TRIGGER, FeedLifecycle.PAUSE);
        time.advanceTo("2021-03-01T02:00:00Z");

        provider.change("once", TRIGGER, FeedLifecycle.UNPAUSE);
        time.advanceTo("2021-03-02T00:00:00Z");

        assertEquals(List.of(), time.fired());
        assertEquals(false, status().get("active"));
        assertEquals("Automatically disabled after receiving error on trigger creation: the fire once date has expired",
                reason());
    }

    // PAUSE, UNPAUSE, DELETE

    @Test
    void pauseStopsFiringAndUnpauseResumesFromNowWithoutCatchingUp() {
        provider.create("alarm", TRIGGER, params("cron", "0 * * * *"), time);
        time.advanceTo("2021-03-01T01:30:00Z");

        provider.change("alarm", TRIGGER, FeedLifecycle.PAUSE);
        time.advanceTo("2021-03-01T04:30:00Z");
        assertEquals(false, status().get("active"));
        provider.change("alarm", TRIGGER, FeedLifecycle.UNPAUSE);
        time.advanceTo("2021-03-01T06:00:00Z");

        assertEquals(instants("2021-03-01T01:00:00Z", "2021-03-01T05:00:00Z", "2021-03-01T06:00:00Z"), time.firedAt());
        assertEquals(true, status().get("active"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pausedTriggerSaysSoInRead() {
        provider.create("alarm", TRIGGER, params("cron", "0 * * * *"), time);
        time.advanceTo("2021-03-01T00:20:00Z");

        provider.change("alarm", TRIGGER, FeedLifecycle.PAUSE);

        assertEquals(Map.of("active", false,
                "dateChanged", Instant.parse("2021-03-01T00:20:00Z").toEpochMilli(),
                "dateChangedISO", "2021-03-01T00:20:00Z",
                "reason", Map.of("kind", "USER", "message", "Paused")), status());
    }

    @Test
    void pauseAndUnpauseAreHarmlessWhenRepeated() {
        provider.create("interval", TRIGGER, params("minutes", 1, "startDate", "2021-03-01T00:01:00Z"), time);

        provider.change("interval", TRIGGER, FeedLifecycle.UNPAUSE);
        provider.change("interval", TRIGGER, FeedLifecycle.PAUSE);
        provider.change("interval", TRIGGER, FeedLifecycle.PAUSE);
        time.advanceTo("2021-03-01T00:05:00Z");
        provider.change("interval", TRIGGER, FeedLifecycle.UNPAUSE);
        provider.change("interval", TRIGGER, FeedLifecycle.UNPAUSE);
        time.advanceTo("2021-03-01T00:07:00Z");

        assertEquals(instants("2021-03-01T00:06:00Z", "2021-03-01T00:07:00Z"), time.firedAt());
        assertEquals(1, time.waiting());
    }

    @Test
    void deleteStopsFiringAndForgetsTheTrigger() {
        provider.create("alarm", TRIGGER, params("cron", "* * * * *"), time);
        time.advanceTo("2021-03-01T00:01:00Z");

        provider.change("alarm", TRIGGER, FeedLifecycle.DELETE);
        time.advanceTo("2021-03-01T01:00:00Z");

        assertEquals(1, time.fired().size());
        assertEquals(Map.of(), provider.read("alarm", TRIGGER));
        assertEquals(0, time.waiting());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.change("alarm", TRIGGER, FeedLifecycle.DELETE));
        assertEquals("could not find trigger /guest/periodic in the database", e.getMessage());
    }

    @Test
    void aCancelledTaskThatRunsAnywayDoesNothing() {
        ManualTime careless = new ManualTime("2021-03-01T00:00:00Z").ignoringCancel();
        provider.create("alarm", TRIGGER, params("cron", "* * * * *"), careless);

        provider.change("alarm", TRIGGER, FeedLifecycle.PAUSE);
        provider.change("alarm", TRIGGER, FeedLifecycle.UNPAUSE);
        careless.advanceTo("2021-03-01T00:03:00Z");
        provider.change("alarm", TRIGGER, FeedLifecycle.DELETE);
        careless.advanceTo("2021-03-01T00:10:00Z");

        assertEquals(instants("2021-03-01T00:01:00Z", "2021-03-01T00:02:00Z", "2021-03-01T00:03:00Z"),
                careless.firedAt());
    }

    @Test
    void triggersAreKeptApart() {
        provider.create("alarm", "/guest/a", params("cron", "*/2 * * * *", "trigger_payload", "a"), time);
        provider.create("interval", "/other/b", params("minutes", 3, "startDate", "2021-03-01T00:03:00Z",
                "trigger_payload", "b"), time);

        provider.change("alarm", "/guest/a", FeedLifecycle.DELETE);
        time.advanceTo("2021-03-01T00:06:00Z");

        assertEquals(List.of("/other/b", "/other/b"), time.fired().stream().map(ManualTime.Fired::trigger).toList());
    }

    // UPDATE and CREATE again

    @Test
    void updateChangesTheScheduleAndThePayloadFromNow() {
        provider.create("alarm", TRIGGER, params("cron", "0 * * * *", "trigger_payload", "old"), time);
        time.advanceTo("2021-03-01T01:10:00Z");

        provider.update("alarm", TRIGGER, params("cron", "*/20 * * * *", "trigger_payload", ODIN));
        time.advanceTo("2021-03-01T02:00:00Z");

        assertEquals(instants("2021-03-01T01:00:00Z", "2021-03-01T01:20:00Z", "2021-03-01T01:40:00Z",
                "2021-03-01T02:00:00Z"), time.firedAt());
        assertEquals(Map.of("payload", "old"), time.fired().get(0).payload());
        assertEquals(ODIN, time.fired().get(1).payload());
    }

    @Test
    void updateReenablesAStoppedTrigger() {
        provider.create("once", TRIGGER, params("date", "2021-03-01T01:00:00Z"), time);
        time.advanceTo("2021-03-01T02:00:00Z");
        assertEquals(false, status().get("active"));

        provider.update("once", TRIGGER, params("date", "2021-03-01T03:00:00Z"));
        time.advanceTo("2021-03-01T04:00:00Z");

        assertEquals(instants("2021-03-01T01:00:00Z", "2021-03-01T03:00:00Z"), time.firedAt());
    }

    @Test
    void creatingAnExistingTriggerReplacesIt() {
        provider.create("alarm", TRIGGER, params("cron", "* * * * *"), time);
        provider.create("once", TRIGGER, params("date", "2021-03-01T00:05:00Z"), time);

        time.advanceTo("2021-03-01T00:10:00Z");

        assertEquals(instants("2021-03-01T00:05:00Z"), time.firedAt());
    }

    @Test
    void timeComesOnlyFromTheContext() {
        // a context ten years before the real clock: dates that are past for the machine are future for it
        ManualTime past = new ManualTime("2011-01-01T00:00:00Z");
        provider.create("once", TRIGGER, params("date", "2011-01-01T00:01:00Z"), past);

        past.advanceTo("2011-01-01T00:02:00Z");

        assertEquals(instants("2011-01-01T00:01:00Z"), past.firedAt());
    }

    // READ

    @Test
    void readGivesTheAlarmConfigurationAndStatus() {
        long stop = Instant.parse("2021-06-01T00:00:00Z").toEpochMilli();
        provider.create("alarm", TRIGGER, params("cron", "*/2 * * * *", "trigger_payload", ODIN,
                "timezone", "America/New_York", "startDate", "2021-04-01T00:00:00.000Z", "stopDate", stop,
                "lifecycleEvent", "CREATE", "authKey", "secret"), time);

        Map<String, Object> expectedConfig = new LinkedHashMap<>();
        expectedConfig.put("name", "periodic");
        expectedConfig.put("namespace", "guest");
        expectedConfig.put("payload", ODIN);
        expectedConfig.put("strict", false);
        expectedConfig.put("startDate", "2021-04-01T00:00:00.000Z");
        expectedConfig.put("stopDate", stop);
        expectedConfig.put("cron", "*/2 * * * *");
        expectedConfig.put("timezone", "America/New_York");
        Map<String, Object> expectedStatus = Map.of("active", true,
                "dateChanged", Instant.parse("2021-03-01T00:00:00Z").toEpochMilli(),
                "dateChangedISO", "2021-03-01T00:00:00Z");
        assertEquals(Map.of("config", expectedConfig, "status", expectedStatus), provider.read("alarm", TRIGGER));
        assertEquals(List.copyOf(expectedConfig.keySet()), List.copyOf(config().keySet()));
    }

    @Test
    void readLeavesOutWhatWasNotGivenAndKeepsStrictAsGiven() {
        provider.create("alarm", "/guest/a", params("cron", "* * * * *"), time);
        provider.create("alarm", "/guest/b", params("cron", "* * * * *", "strict", "true"), time);

        assertEquals(Map.of("name", "a", "namespace", "guest", "payload", Map.of(), "strict", false,
                "cron", "* * * * *"), provider.read("alarm", "/guest/a").get("config"));
        assertEquals("true", ((Map<?, ?>) provider.read("alarm", "/guest/b").get("config")).get("strict"));
    }

    @Test
    void readGivesTheIntervalAndOnceConfigurations() {
        provider.create("interval", "/guest/i", params("minutes", "5", "stopDate", "2021-03-02T00:00:00Z"), time);
        provider.create("once", "/guest/o", params("date", "2021-03-02T00:00:00Z", "deleteAfterFire", " Rules "), time);

        assertEquals(Map.of("name", "i", "namespace", "guest", "payload", Map.of(), "strict", false,
                "startDate", Instant.parse("2021-03-01T00:00:30Z").toEpochMilli(),
                "stopDate", "2021-03-02T00:00:00Z", "minutes", 5L), provider.read("interval", "/guest/i").get("config"));
        assertEquals(Map.of("name", "o", "namespace", "guest", "payload", Map.of(), "strict", false,
                "date", "2021-03-02T00:00:00Z", "deleteAfterFire", "rules"), provider.read("once", "/guest/o").get("config"));
    }

    @Test
    void readOfAnUnknownTriggerIsEmpty() {
        assertEquals(Map.of(), provider.read("alarm", "/guest/nothing"));
    }

    @Test
    void aTriggerNameWithoutNamespaceIsInTheDefaultNamespace() {
        provider.create("alarm", "plain", params("cron", "* * * * *"), time);

        assertEquals("_", ((Map<?, ?>) provider.read("alarm", "plain").get("config")).get("namespace"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.update("alarm", "other", params("cron", "* * * * *")));
        assertEquals("could not find trigger /_/other in the database", e.getMessage());
    }

    @Test
    void statusChangesAreDatedByTheSimulatorClock() {
        provider.create("interval", TRIGGER, params("minutes", 1, "stopDate", "2021-03-01T00:03:00Z"), time);

        time.advance(Duration.ofHours(1));

        assertEquals(Instant.parse("2021-03-01T00:02:30Z").toEpochMilli(), status().get("dateChanged"));
        assertEquals("2021-03-01T00:02:30Z", status().get("dateChangedISO"));
    }
}
