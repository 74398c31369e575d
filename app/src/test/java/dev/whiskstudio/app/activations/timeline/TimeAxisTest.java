package dev.whiskstudio.app.activations.timeline;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeAxisTest {
    private static final long NOON = 1_700_049_600_000L; // 2023-11-15T12:00:00Z

    @Test
    void theStepGrowsWithTheZoomAndLabelsAreAsPreciseAsTheStep() {
        assertEquals(5, TimeAxis.step(0.05, 90));
        assertEquals(1_000, TimeAxis.step(10, 90));
        assertEquals(60_000, TimeAxis.step(500, 90));
        assertEquals("12:00:00.25", TimeAxis.label(NOON + 250, 50, ZoneOffset.UTC));
        assertEquals("12:00:00.3", TimeAxis.label(NOON + 300, 100, ZoneOffset.UTC));
        assertEquals("12:00:05", TimeAxis.label(NOON + 5_000, 5_000, ZoneOffset.UTC));
        assertEquals("12:15", TimeAxis.label(NOON + 900_000, 900_000, ZoneOffset.UTC));
        assertEquals("12:00:00.007", TimeAxis.label(NOON + 7, 1, ZoneOffset.UTC));
    }

    @Test
    void ticksFallOnRoundLocalTimes() {
        assertEquals(NOON + 60_000, TimeAxis.firstTick(NOON + 1, 60_000, ZoneOffset.UTC));
        assertEquals(NOON, TimeAxis.firstTick(NOON, 60_000, ZoneOffset.UTC));
        // India is 5:30 ahead of UTC: hourly ticks fall on its hours, at half past in UTC
        ZoneId india = ZoneId.of("Asia/Kolkata");
        long tick = TimeAxis.firstTick(NOON, 3_600_000, india);
        assertEquals(NOON + 30 * 60_000, tick);
        assertEquals("18:00", TimeAxis.label(tick, 3_600_000, india));
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("0 ms", DurationText.of(0));
        assertEquals("850 ms", DurationText.of(850));
        assertEquals("1.25 s", DurationText.of(1_250));
        assertEquals("42.5 s", DurationText.of(42_500));
        assertEquals("2 min 5 s", DurationText.of(125_000));
        assertEquals("1 h 3 min", DurationText.of(3_780_000));
    }
}
