package dev.whiskstudio.plugin.alarms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform's cron dialect: what parses, and the next matching times in a zone. */
class CronPatternTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static List<String> next(String cron, ZoneId zone, String from, int count) {
        CronPattern pattern = CronPattern.parse(cron);
        List<String> out = new ArrayList<>();
        Instant t = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            t = pattern.nextAfter(t, zone);
            assertNotNull(t, "no match for " + cron);
            out.add(t.toString());
        }
        return out;
    }

    @Test
    void fiveFieldsFireOnTheMinuteAndStrictlyAfterTheStart() {
        assertEquals(List.of("2021-03-01T00:01:00Z", "2021-03-01T00:02:00Z"),
                next("* * * * *", UTC, "2021-03-01T00:00:00Z", 2));
        assertEquals(List.of("2021-03-01T00:01:00Z"), next("* * * * *", UTC, "2021-03-01T00:00:00.500Z", 1));
        assertEquals(List.of("2021-03-01T01:00:00Z"), next("0 * * * *", UTC, "2021-03-01T00:00:00Z", 1));
    }

    @Test
    void sixFieldsPutSecondsFirst() {
        assertEquals(List.of("2021-03-01T00:00:30Z", "2021-03-01T00:01:00Z", "2021-03-01T00:01:30Z"),
                next("*/30 * * * * *", UTC, "2021-03-01T00:00:00Z", 3));
        CronPattern six = CronPattern.parse("0 30 2 * * *");
        assertEquals(6, six.fieldCount());
        assertEquals(5, CronPattern.parse("30 2 * * *").fieldCount());
    }

    @Test
    void stepsRangesAndLists() {
        assertEquals(List.of("2021-03-01T02:00:00Z", "2021-03-01T04:00:00Z"),
                next("0 */2 * * *", UTC, "2021-03-01T00:00:00Z", 2));
        // a/s runs from a to the top of the range
        assertEquals(List.of("2021-03-01T00:05:00Z", "2021-03-01T00:20:00Z", "2021-03-01T00:35:00Z",
                "2021-03-01T00:50:00Z", "2021-03-01T01:05:00Z"), next("5/15 * * * *", UTC, "2021-03-01T00:00:00Z", 5));
        assertEquals(List.of("2021-03-01T00:10:00Z", "2021-03-01T00:13:00Z", "2021-03-01T00:16:00Z",
                "2021-03-01T00:19:00Z", "2021-03-01T01:10:00Z"), next("10-20/3 * * * *", UTC, "2021-03-01T00:00:00Z", 5));
        assertEquals(List.of("2021-03-15T00:00:00Z", "2021-04-01T00:00:00Z", "2021-04-15T00:00:00Z"),
                next("0 0 1,15 * *", UTC, "2021-03-01T00:00:00Z", 3));
        assertEquals(List.of("2021-03-11T00:00:00Z", "2021-03-21T00:00:00Z", "2021-03-31T00:00:00Z",
                "2021-04-01T00:00:00Z"), next("0 0 */10 * *", UTC, "2021-03-01T00:00:00Z", 4));
    }

    @Test
    void monthsCountFromZeroAsInTheCronPackage() {
        // 1 is February; 12 does not exist
        assertEquals(List.of("2022-02-01T00:00:00Z"), next("0 0 1 1 *", UTC, "2021-03-01T00:00:00Z", 1));
        assertThrows(IllegalArgumentException.class, () -> CronPattern.parse("0 0 1 12 *"));
        assertEquals(List.of("2021-12-25T08:00:00Z"), next("0 8 25 11 *", UTC, "2021-03-01T00:00:00Z", 1));
    }

    @Test
    void namesOfMonthsAndDaysInAnyCase() {
        assertEquals(List.of("2022-01-01T00:00:00Z", "2023-01-01T00:00:00Z"),
                next("0 0 1 jan *", UTC, "2021-03-01T00:00:00Z", 2));
        assertEquals(List.of("2021-12-24T00:00:00Z"), next("0 0 24 DEC *", UTC, "2021-03-01T00:00:00Z", 1));
        assertEquals(List.of("2021-03-08T00:00:00Z", "2021-03-09T00:00:00Z", "2021-03-10T00:00:00Z"),
                next("0 0 * * mon-fri", UTC, "2021-03-05T12:00:00Z", 3));
        assertEquals(List.of("2021-03-07T00:00:00Z", "2021-03-14T00:00:00Z"),
                next("0 0 * * Sun", UTC, "2021-03-01T00:00:00Z", 2));
        assertEquals(List.of("2021-06-05T09:00:00Z", "2021-06-12T09:00:00Z"),
                next("0 9 * jun-aug sat", UTC, "2021-03-01T00:00:00Z", 2));
    }

    @Test
    void restrictedDayOfMonthAndDayOfWeekEitherMatch() {
        // Fridays, and the 13th whatever its weekday
        assertEquals(List.of("2021-03-05T00:00:00Z", "2021-03-12T00:00:00Z", "2021-03-13T00:00:00Z",
                "2021-03-19T00:00:00Z"), next("0 0 13 * 5", UTC, "2021-03-01T00:00:00Z", 4));
        // a day-of-week field listing all seven days restricts nothing
        assertEquals(List.of("2021-03-13T00:00:00Z", "2021-04-13T00:00:00Z"),
                next("0 0 13 * 0-6", UTC, "2021-03-01T00:00:00Z", 2));
    }

    @Test
    void daysNoChosenMonthHasWrapAsInTheCronPackage() {
        // 31 April does not exist: the cron package makes it 1 April
        assertEquals(List.of("2021-04-01T00:00:00Z", "2022-04-01T00:00:00Z"),
                next("0 0 31 3 *", UTC, "2021-01-01T00:00:00Z", 2));
        // 30 February becomes 1 February; 29 February is kept and waits for a leap year
        assertEquals(List.of("2021-02-01T00:00:00Z"), next("0 0 30 1 *", UTC, "2021-01-01T00:00:00Z", 1));
        assertEquals(List.of("2024-02-29T00:00:00Z", "2028-02-29T00:00:00Z"),
                next("0 0 29 1 *", UTC, "2021-01-01T00:00:00Z", 2));
        // 31 in every month skips the short ones
        assertEquals(List.of("2021-05-31T00:00:00Z", "2021-07-31T00:00:00Z"),
                next("0 0 31 * *", UTC, "2021-04-01T00:00:00Z", 2));
    }

    @Test
    void springForwardSkipsATimeThatDoesNotExistThatDay() {
        // 02:30 does not happen in New York on 14 March 2021
        assertEquals(List.of("2021-03-13T07:30:00Z", "2021-03-15T06:30:00Z", "2021-03-16T06:30:00Z"),
                next("30 2 * * *", NEW_YORK, "2021-03-13T00:00:00Z", 3));
        assertEquals(List.of("2021-03-14T06:00:00Z", "2021-03-14T07:00:00Z", "2021-03-14T08:00:00Z"),
                next("0 * * * *", NEW_YORK, "2021-03-14T05:30:00Z", 3));
        assertEquals(List.of("2021-03-29T00:30:00Z"), next("0 30 2 * * *", BERLIN, "2021-03-27T12:00:00Z", 1));
    }

    @Test
    void fallBackFiresBothTimesAnHourHappens() {
        assertEquals(List.of("2021-11-07T05:30:00Z", "2021-11-07T06:30:00Z", "2021-11-08T06:30:00Z"),
                next("30 1 * * *", NEW_YORK, "2021-11-06T12:00:00Z", 3));
        assertEquals(List.of("2021-11-07T05:00:00Z", "2021-11-07T06:00:00Z", "2021-11-07T07:00:00Z"),
                next("0 * * * *", NEW_YORK, "2021-11-07T04:30:00Z", 3));
        assertEquals(List.of("2021-10-31T00:30:00Z", "2021-10-31T01:30:00Z", "2021-11-01T01:30:00Z"),
                next("0 30 2 * * *", BERLIN, "2021-10-30T12:00:00Z", 3));
    }

    @Test
    void aZoneWithAHalfHourOffset() {
        assertEquals(List.of("2021-03-01T06:30:00Z", "2021-03-02T06:30:00Z"),
                next("0 0 12 * * *", ZoneId.of("Asia/Kolkata"), "2021-03-01T00:00:00Z", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * *", "* * * * * * *", "", "   ", "***", "1-*/2 * * * *", "*/0 * * * *",
        "60 * * * *", "* 24 * * *", "0 0 0 * *", "0 0 32 * *", "0 0 * * 7", "5-3 * * * *", "a * * * *",
        "january * * * *", "1,,2 * * * *", "1- * * * *", "-1 * * * *", "5.5 * * * *", "1-60 * * * *"})
    void rejectsWhatTheCronPackageRejects(String cron) {
        assertThrows(IllegalArgumentException.class, () -> CronPattern.parse(cron));
    }

    @Test
    void acceptsWhatTheCronPackageAccepts() {
        // a step of 00 counts as 1, an upper bound of 0 as none, spaces around and between fields are ignored
        assertEquals(List.of("2021-03-01T00:01:00Z"), next("*/00 * * * *", UTC, "2021-03-01T00:00:00Z", 1));
        assertEquals(List.of("2021-03-01T00:05:00Z", "2021-03-01T01:05:00Z"),
                next("5-0 * * * *", UTC, "2021-03-01T00:00:00Z", 2));
        assertEquals(List.of("2021-04-02T00:00:00Z"), next("  0   0 * * *  ", UTC, "2021-04-01T00:00:00Z", 1));
    }

    /**
     * Cases recorded from the cron package itself (1.8.2, the version the platform's provider schedules with, on
     * moment-timezone 0.5.48): random patterns in eight zones, and fixed ones across daylight-saving changes.
     */
    @Test
    void agreesWithTheCronPackageOnRecordedCases() throws IOException {
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        try (InputStream in = getClass().getResourceAsStream("cron-1.8.2-next-matches.tsv")) {
            assertNotNull(in);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                cases++;
                String[] f = line.split("\t", -1);
                String cron = f[0].substring(1, f[0].length() - 1);
                ZoneId zone = ZoneId.of(f[1]);
                String actual = recordedForm(cron, zone, Instant.parse(f[2]));
                String expected = f[3].startsWith("ERR") ? "ERR" : f[3];
                if (!expected.equals(actual)) {
                    disagreements.add(line + "\n   we say " + actual);
                }
            }
        }
        assertTrue(cases > 900, "cases: " + cases);
        assertEquals(List.of(), disagreements);
    }

    private static String recordedForm(String cron, ZoneId zone, Instant from) {
        CronPattern pattern;
        try {
            pattern = CronPattern.parse(cron);
        } catch (IllegalArgumentException e) {
            return "ERR";
        }
        List<String> out = new ArrayList<>();
        Instant t = from;
        for (int i = 0; i < 5; i++) {
            t = pattern.nextAfter(t, zone);
            out.add(t == null ? "none" : t.toEpochMilli() % 1000 == 0
                    ? t.toString().replace("Z", ".000Z") : t.toString());
        }
        return String.join(",", out);
    }
}
