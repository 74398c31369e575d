package dev.whiskstudio.app.activations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollWindowTest {

    private static ActivationRow at(long n, long start) {
        return Rows.row(n, "a", start, 0, null);
    }

    @Test
    void beforeAnyRowThereIsNoBoundAndTheFirstRowsAnchorIt() {
        PollWindow w = new PollWindow(10_000, 300_000, 0);
        assertFalse(w.anchored());
        assertEquals(0, w.since(false));
        assertEquals(2, w.accept(List.of(at(1, 1_000_000), at(2, 1_000_500))).size());
        assertTrue(w.anchored());
        assertEquals(1_000_500 - 10_000, w.since(false));
        assertEquals(1_000_500 - 300_000, w.since(true));
    }

    @Test
    void anEmptyFirstPollAnchorsAtTheBeginningOfTime() {
        PollWindow w = new PollWindow(10_000, 300_000, 0);
        assertTrue(w.accept(List.of()).isEmpty());
        assertTrue(w.anchored());
        // since=0 would mean "no bound, newest page only"; 1 means "everything from now on is new"
        assertEquals(1, w.since(false));
    }

    @Test
    void resumingStartsFromTheNewestStartTheSubscriberHas() {
        PollWindow w = new PollWindow(5_000, 60_000, 2_000_000);
        assertTrue(w.anchored());
        assertEquals(1_995_000, w.since(false));
    }

    @Test
    void theInclusiveOverlapRepeatsRowsButEachIsDeliveredOnce() {
        PollWindow w = new PollWindow(10_000, 300_000, 0);
        w.accept(List.of(at(1, 100_000), at(2, 101_000)));
        // the next poll (since = 91,000) lists both again, plus a new one with the same start as the newest
        List<ActivationRow> fresh = w.accept(List.of(at(3, 101_000), at(2, 101_000), at(1, 100_000)));
        assertEquals(List.of(Rows.id(3)), fresh.stream().map(ActivationRow::activationId).toList());
    }

    @Test
    void aRecordLandingLateWithAnOlderStartIsStillNew() {
        PollWindow w = new PollWindow(10_000, 300_000, 0);
        w.accept(List.of(at(1, 200_000), at(2, 205_000)));
        // a long activation that started before both ends now
        List<ActivationRow> fresh = w.accept(List.of(at(2, 205_000), at(3, 198_000), at(1, 200_000)));
        assertEquals(List.of(Rows.id(3)), fresh.stream().map(ActivationRow::activationId).toList());
        // it does not pull the window back
        assertEquals(205_000, w.newestStart());
    }

    @Test
    void idsAreForgottenOnceNoSweepCanListThemAgain() {
        PollWindow w = new PollWindow(1_000, 10_000, 0);
        for (int i = 0; i < 1000; i++) {
            w.accept(List.of(at(i, 1_000_000 + i * 1_000L)));
        }
        // a sweep reaches back 10 s, 11 rows: the ids remembered stay bounded instead of growing with every row
        assertTrue(w.remembered() < 80, "remembered " + w.remembered());
        // and a row still in reach is still known
        assertTrue(w.accept(List.of(at(999, 1_999_000))).isEmpty());
        assertTrue(w.accept(List.of(at(990, 1_990_000))).isEmpty());
    }

    @Test
    void sinceNeverFallsToZeroWhichWouldMeanNoBound() {
        PollWindow w = new PollWindow(10_000, 300_000, 0);
        w.accept(List.of(at(1, 5_000)));
        assertEquals(1, w.since(true));
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        PollingSettings s = PollingSettings.defaults().withInterval(java.time.Duration.ofSeconds(1))
                .withMaxBackoff(java.time.Duration.ofSeconds(10));
        assertEquals(1_000, s.delayAfter(0).toMillis());
        assertEquals(2_000, s.delayAfter(1).toMillis());
        assertEquals(4_000, s.delayAfter(2).toMillis());
        assertEquals(8_000, s.delayAfter(3).toMillis());
        assertEquals(10_000, s.delayAfter(4).toMillis());
        assertEquals(10_000, s.delayAfter(50).toMillis());
    }
}
