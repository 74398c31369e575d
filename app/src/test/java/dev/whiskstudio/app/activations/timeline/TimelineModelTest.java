package dev.whiskstudio.app.activations.timeline;

import dev.whiskstudio.app.activations.timeline.TimelineBar.Outcome;
import dev.whiskstudio.app.activations.timeline.TimelineBar.StartKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.whiskstudio.app.activations.timeline.Bars.T0;
import static dev.whiskstudio.app.activations.timeline.Bars.running;
import static dev.whiskstudio.app.activations.timeline.Bars.warm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineModelTest {

    @Test
    void theTimeIndexFindsExactlyTheBarsCrossingAWindow() {
        Random random = new Random(7);
        TimelineModel model = new TimelineModel();
        List<TimelineBar> all = new ArrayList<>(Bars.workload(5_000, 6, T0, 3));
        // overlapping bars of very different lengths in one lane, and running ones
        for (int i = 0; i < 500; i++) {
            long queued = T0 + random.nextInt(600_000);
            long length = (long) Math.pow(10, random.nextDouble() * 6);
            all.add(warm("x" + i, "shared", queued, length));
        }
        for (int i = 0; i < 5; i++) {
            all.add(running("r" + i, "shared", T0 + random.nextInt(600_000), StartKind.COLD));
        }
        model.putAll(all);
        long now = T0 + 700_000;
        for (int query = 0; query < 300; query++) {
            long from = T0 - 10_000 + random.nextInt(720_000);
            long to = from + (long) Math.pow(10, random.nextDouble() * 5.5);
            Set<String> expected = new HashSet<>();
            for (TimelineBar bar : all) {
                if (bar.queuedAt() <= to && bar.endOr(now) >= from) {
                    expected.add(bar.activationId());
                }
            }
            Set<String> found = new HashSet<>();
            for (int lane = 0; lane < model.laneCount(); lane++) {
                model.visit(lane, from, to, now, bar -> assertTrue(found.add(bar.activationId()), "visited once"));
            }
            assertEquals(expected, found, "window " + from + ".." + to);
        }
    }

    @Test
    void aNarrowWindowLooksAtFewBarsWhateverTheLaneHolds() {
        TimelineModel model = new TimelineModel();
        model.putAll(Bars.workload(10_000, 4, T0, 5));
        int lane = 0;
        long middle = T0 + 200_000;
        AtomicInteger found = new AtomicInteger();
        int looked = model.visit(lane, middle, middle + 1_000, T0 + 10_000_000, bar -> found.incrementAndGet());
        assertTrue(found.get() >= 1, "a one-second window in a busy lane holds bars");
        assertTrue(looked <= found.get() + 20, "looked at " + looked + " bars to find " + found.get());
    }

    @Test
    void lanesAreOrderedByTheirFirstBarInTimeAndStayPut() {
        TimelineModel model = new TimelineModel();
        model.put(warm("b1", "beta", T0 + 100, 10));
        model.put(warm("a1", "alpha", T0 + 200, 10));
        model.put(warm("c1", "gamma", T0 + 50, 10));
        assertEquals(List.of("gamma", "beta", "alpha"), keys(model));

        // later bars and a running bar finishing move nothing
        model.put(warm("a2", "alpha", T0 + 10_000, 10));
        model.put(running("b2", "beta", T0 + 20_000, StartKind.WARM));
        model.put(model.bar("b2").orElseThrow().finished(T0 + 20_050, Outcome.SUCCESS));
        assertEquals(List.of("gamma", "beta", "alpha"), keys(model));
        assertEquals(1, model.laneIndex("beta"));

        // an older bar of a lane (history loaded after the live feed) moves that lane up
        model.put(warm("a0", "alpha", T0, 10));
        assertEquals(List.of("alpha", "gamma", "beta"), keys(model));

        // a lane goes with its last bar
        model.remove("c1");
        assertEquals(List.of("alpha", "beta"), keys(model));
        assertEquals(-1, model.laneIndex("gamma"));
    }

    @Test
    void aFinishedBarReplacesItsRunningSelfAndSummariesFollow() {
        TimelineModel model = new TimelineModel();
        model.put(warm("w", "lane", T0, 100));
        model.put(running("r", "lane", T0 + 500, StartKind.COLD));
        assertEquals(1, model.runningCount());
        assertEquals(T0 + 5_000, model.latestEnd(T0 + 5_000).orElseThrow(), "a running bar reaches now");
        assertEquals("r", model.newest().orElseThrow().activationId());

        model.put(model.bar("r").orElseThrow().finished(T0 + 900, Outcome.WHISK_ERROR));
        assertEquals(0, model.runningCount());
        assertEquals(2, model.size());
        assertEquals(T0 + 900, model.latestEnd(T0 + 5_000).orElseThrow());
        assertTrue(model.bar("r").orElseThrow().failed());

        model.remove("r");
        assertEquals(T0 + 100, model.latestEnd(T0 + 5_000).orElseThrow(), "recomputed after the last bar went");
        assertEquals("w", model.newest().orElseThrow().activationId());
        assertEquals(T0, model.earliest().orElseThrow());
        assertFalse(model.remove("r"));
        model.clear();
        assertTrue(model.isEmpty());
        assertTrue(model.earliest().isEmpty());
        assertEquals(0, model.laneCount());
    }

    @Test
    void aBarCanMoveToAnotherLane() {
        TimelineModel model = new TimelineModel();
        model.put(warm("x", "one", T0, 10));
        model.put(warm("y", "one", T0 + 20, 10));
        model.put(new TimelineBar("x", "two", "two", T0, T0, -1, T0 + 10, StartKind.WARM, Outcome.SUCCESS, "x"));
        assertEquals(List.of("one", "two"), keys(model));
        List<String> inTwo = new ArrayList<>();
        model.visit(model.laneIndex("two"), T0 - 100, T0 + 100, T0, bar -> inTwo.add(bar.activationId()));
        assertEquals(List.of("x"), inTwo);
    }

    @Test
    void listenersHearOncePerChangeAndOnceForABatch() {
        TimelineModel model = new TimelineModel();
        AtomicInteger heard = new AtomicInteger();
        model.addListener(heard::incrementAndGet);
        model.putAll(Bars.workload(100, 3, T0, 1));
        assertEquals(1, heard.get());
        model.put(warm("one", "lane", T0, 5));
        model.remove("one");
        assertEquals(3, heard.get());
        assertEquals(3, model.removeAll(List.of("a0", "a1", "nope", "a2")));
        assertEquals(4, heard.get(), "a batch removal is one change");
        assertEquals(0, model.removeAll(List.of("nope")));
        model.putAll(List.of());
        assertEquals(4, heard.get(), "nothing changed, nothing told");
        assertEquals(97, model.size());
    }

    @Test
    void barsTidyWhatAPlatformSends() {
        TimelineBar bar = new TimelineBar("id", "lane", null, 0, T0, T0 - 5, T0 - 10, null, Outcome.SUCCESS, null);
        assertEquals(T0, bar.queuedAt(), "no queue time: the start");
        assertEquals(T0, bar.end(), "an end before the start: the start");
        assertEquals(T0, bar.initEnd(), "an init end outside the bar is clamped into it");
        assertEquals(StartKind.UNKNOWN, bar.startKind());
        assertEquals("lane", bar.laneLabel());
        assertEquals("id", bar.label());

        TimelineBar open = new TimelineBar("id", "lane", "l", T0 - 20, T0, T0 + 300, -1, StartKind.COLD, Outcome.SUCCESS, "a");
        assertTrue(open.running());
        assertEquals(Outcome.RUNNING, open.outcome(), "no end: running");
        assertEquals(20, open.waitMillis());
        assertEquals(300, open.initMillis());
        assertEquals(700, open.runMillis(T0 + 1_000));
        assertThrows(IllegalArgumentException.class,
                () -> new TimelineBar(" ", "lane", "l", T0, T0, -1, T0, StartKind.WARM, Outcome.SUCCESS, "a"));
    }

    private static List<String> keys(TimelineModel model) {
        return model.lanes().stream().map(TimelineLane::key).toList();
    }
}
