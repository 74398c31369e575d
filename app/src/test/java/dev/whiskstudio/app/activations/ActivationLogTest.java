package dev.whiskstudio.app.activations;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationLogTest {

    private static List<String> ids(ActivationLog log) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : log.snapshot().entries()) {
            out.add(e.row().activationId());
        }
        return out;
    }

    @Test
    void rowsArrivingInAnyOrderAreKeptNewestFirstOncePerId() {
        ActivationLog log = new ActivationLog();
        Random random = new Random(7);
        List<ActivationRow> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(Rows.row(i, "a", 1_000_000 + random.nextInt(100_000), 0, null));
        }
        Collections.shuffle(rows, random);
        // in batches, with every row sent twice
        for (int from = 0; from < rows.size(); from += 700) {
            List<ActivationRow> batch = rows.subList(from, Math.min(rows.size(), from + 700));
            assertEquals(batch.size(), log.add(batch));
            assertEquals(0, log.add(batch));
        }
        assertEquals(5_000, log.size());
        LogEntry[] entries = log.snapshot().entries();
        for (int i = 1; i < entries.length; i++) {
            assertTrue(ActivationLog.ORDER.compare(entries[i - 1], entries[i]) < 0, "order at " + i);
        }
        assertEquals(entries[0].row().start(), log.newestStart());
    }

    @Test
    void historyPagesAppendAndLiveRowsGoOnTop() {
        ActivationLog log = new ActivationLog();
        for (int page = 0; page < 5; page++) {
            List<ActivationRow> rows = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long n = page * 300L + i;
                rows.add(Rows.row(n, "a", 1_000_000 - n, 0, null));
            }
            log.add(rows);
        }
        log.add(List.of(Rows.row(9_001, "a", 2_000_000, 0, null), Rows.row(9_002, "a", 999_999 - 700, 0, null)));
        List<String> ids = ids(log);
        assertEquals(1_502, ids.size());
        assertEquals(Rows.id(9_001), ids.get(0));
        assertEquals(Rows.id(0), ids.get(1));
        assertEquals(Rows.id(9_002), ids.get(702));
        assertEquals(Rows.id(1_499), ids.get(1_501));
    }

    @Test
    void aRowWithTheInsightReplacesTheBareOneAndNotTheOtherWayRound() {
        ActivationLog log = new ActivationLog();
        ActivationRow bare = Rows.row(1, "a", 100, 0, 50L);
        ActivationRow known = bare.withInsight(new RowInsight(bare.activationId(), "c9", StartKind.PREWARM, 1, 50));
        log.add(List.of(bare));
        log.setDocText(bare.activationId(), "some text");
        log.add(List.of(known));
        assertSame(known, log.get(bare.activationId()).row());
        assertEquals("some text", log.get(bare.activationId()).docText(), "what was read of the record stays");
        log.add(List.of(bare));
        assertSame(known, log.get(bare.activationId()).row());
        assertEquals(1, log.size());
    }

    @Test
    void theSameIdTwiceInOneBatchIsOneRow() {
        ActivationLog log = new ActivationLog();
        ActivationRow first = Rows.row(1, "a", 100, 0, null);
        ActivationRow moved = Rows.row(1, "a", 200, 1, null);
        assertEquals(1, log.add(List.of(first, moved)));
        assertEquals(List.of(Rows.id(1)), ids(log));
        assertEquals(ActivationStatus.APPLICATION_ERROR, log.get(Rows.id(1)).row().status());
    }

    @Test
    void listenersHearEveryChangeAndPathsAreCounted() {
        ActivationLog log = new ActivationLog();
        AtomicInteger changes = new AtomicInteger();
        log.addListener(changes::incrementAndGet);
        log.add(List.of(Rows.row(1, "pkg/a", 1, 0, null), Rows.row(2, "b", 2, 0, null)));
        log.setDocText(Rows.id(1), "x");
        assertEquals(2, changes.get());
        assertEquals(List.of("b", "pkg/", "pkg/a"), log.snapshot().paths());
        assertEquals(1, log.withoutDocText().size());
        log.clear();
        assertEquals(3, changes.get());
        assertEquals(0, log.size());
        assertEquals(List.of(), log.snapshot().paths());
        assertNull(log.get(Rows.id(1)));
    }
}
