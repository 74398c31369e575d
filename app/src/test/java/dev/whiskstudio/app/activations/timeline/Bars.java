package dev.whiskstudio.app.activations.timeline;

import dev.whiskstudio.app.activations.timeline.TimelineBar.Outcome;
import dev.whiskstudio.app.activations.timeline.TimelineBar.StartKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic bars for the tests and the benchmark's shape: containers running one activation after another. */
final class Bars {
    static final long T0 = 1_700_000_000_000L;

    private Bars() {
    }

    /** A finished bar with a wait, an init when cold or prewarm, and a run. */
    static TimelineBar bar(String id, String lane, long queuedAt, long wait, long init, long run, StartKind kind,
                           Outcome outcome) {
        long start = queuedAt + wait;
        long initEnd = init < 0 ? -1 : start + init;
        long end = (init < 0 ? start : initEnd) + run;
        return new TimelineBar(id, lane, "container " + lane, queuedAt, start, initEnd, end, kind, outcome, "action-" + id);
    }

    static TimelineBar warm(String id, String lane, long queuedAt, long run) {
        return bar(id, lane, queuedAt, 0, -1, run, StartKind.WARM, Outcome.SUCCESS);
    }

    static TimelineBar running(String id, String lane, long start, StartKind kind) {
        return new TimelineBar(id, lane, "container " + lane, start, start, -1, -1, kind, Outcome.RUNNING, "action-" + id);
    }

    /**
     * {@code count} bars over {@code lanes} lanes, one after another in each lane, most short, a few long; the first
     * of each lane cold, then warm with some prewarm, about one in twenty failed.
     */
    static List<TimelineBar> workload(int count, int lanes, long from, long seed) {
        Random random = new Random(seed);
        long[] laneTime = new long[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            laneTime[lane] = from + random.nextInt(2000);
        }
        List<TimelineBar> bars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int lane = i % lanes;
            boolean first = i < lanes;
            StartKind kind = first ? StartKind.COLD : random.nextInt(10) == 0 ? StartKind.PREWARM : StartKind.WARM;
            long wait = random.nextInt(40);
            long init = kind == StartKind.WARM ? -1 : 150 + random.nextInt(500);
            long run = random.nextInt(50) == 0 ? 5_000 + random.nextInt(20_000) : 5 + random.nextInt(400);
            Outcome outcome = random.nextInt(20) == 0 ? Outcome.APPLICATION_ERROR : Outcome.SUCCESS;
            TimelineBar bar = bar("a" + i, "lane-" + lane, laneTime[lane], wait, init, run, kind, outcome);
            bars.add(bar);
            laneTime[lane] = bar.end() + random.nextInt(300);
        }
        return bars;
    }
}
