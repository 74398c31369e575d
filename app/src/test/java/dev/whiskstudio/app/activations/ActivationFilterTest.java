package dev.whiskstudio.app.activations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each filter lets through, on a small log whose rows are known. */
class ActivationFilterTest {
    private static final long NOW = 10_000_000_000L;
    private final ActivationLog log = new ActivationLog();

    @BeforeEach
    void fill() {
        log.add(List.of(
                Rows.row(1, "shop/checkout", NOW - 60_000, 0, 200L),          // cold success, 1 min ago
                Rows.row(2, "shop/checkout", NOW - 30_000, 1, null),          // warm application error
                Rows.row(3, "shop/cart", NOW - 2 * 3_600_000, 2, null),       // warm developer error, 2 h ago
                Rows.row(4, "hello", NOW - 2 * 86_400_000L, 0, 15L),          // cold success, 2 days ago
                Rows.row(5, "shopping-list", NOW - 10_000, 3, null)));        // warm whisk error
        log.add(List.of(Rows.row(6, "hello", NOW - 1_000, 0, null)
                .withInsight(new RowInsight(Rows.id(6), "c1", StartKind.PREWARM, 1, 20))));
    }

    private List<String> shown(ActivationFilter filter) {
        return FilterRun.run(log.snapshot(), filter.compile(NOW), ActivationSort.NEWEST_FIRST).rows().stream()
                .map(r -> r.activationId().substring(31)).toList();
    }

    @Test
    void noFilterShowsEverythingNewestFirst() {
        assertEquals(List.of("6", "5", "2", "1", "3", "4"), shown(ActivationFilter.ALL));
    }

    @Test
    void textMatchesPathNameAndIdCaseInsensitively() {
        assertEquals(List.of("5", "2", "1", "3"), shown(ActivationFilter.ALL.withText("SHOP")));
        assertEquals(List.of("2", "1"), shown(ActivationFilter.ALL.withText("checkout")));
        // an id, or a part of one
        assertEquals(List.of("3"), shown(ActivationFilter.ALL.withText(Rows.id(3))));
        // every word must match somewhere
        assertEquals(List.of("2", "1"), shown(ActivationFilter.ALL.withText("shop out")));
        assertEquals(List.of(), shown(ActivationFilter.ALL.withText("shop nothing")));
        assertEquals(6, shown(ActivationFilter.ALL.withText("   ")).size());
    }

    @Test
    void statusChoices() {
        assertEquals(List.of("6", "1", "4"), shown(ActivationFilter.ALL.withStatus(StatusChoice.SUCCESS)));
        assertEquals(List.of("5", "2", "3"), shown(ActivationFilter.ALL.withStatus(StatusChoice.FAILED)));
        assertEquals(List.of("2"), shown(ActivationFilter.ALL.withStatus(StatusChoice.APPLICATION_ERROR)));
        assertEquals(List.of("3"), shown(ActivationFilter.ALL.withStatus(StatusChoice.DEVELOPER_ERROR)));
        assertEquals(List.of("5"), shown(ActivationFilter.ALL.withStatus(StatusChoice.WHISK_ERROR)));
    }

    @Test
    void startKindChoices() {
        assertEquals(List.of("1", "4"), shown(ActivationFilter.ALL.withStart(StartChoice.COLD)));
        assertEquals(List.of("6"), shown(ActivationFilter.ALL.withStart(StartChoice.PREWARM)));
        assertEquals(List.of("6", "1", "4"), shown(ActivationFilter.ALL.withStart(StartChoice.COLD_OR_PREWARM)));
        assertEquals(List.of("5", "2", "3"), shown(ActivationFilter.ALL.withStart(StartChoice.WARM)));
    }

    @Test
    void anActionOrAWholePackage() {
        assertEquals(List.of("2", "1"), shown(ActivationFilter.ALL.withAction("shop/checkout")));
        assertEquals(List.of("2", "1", "3"), shown(ActivationFilter.ALL.withAction("shop/")));
        // a package is not a prefix of names: "shopping-list" is not in package "shop"
        assertFalse(shown(ActivationFilter.ALL.withAction("shop/")).contains("5"));
        assertEquals(List.of("6", "4"), shown(ActivationFilter.ALL.withAction("hello")));
        assertEquals(List.of("hello", "shop/", "shop/cart", "shop/checkout", "shopping-list"), log.snapshot().paths());
    }

    @Test
    void timeRanges() {
        assertEquals(List.of("6", "5", "2", "1"), shown(ActivationFilter.ALL.withRange(TimeRange.last(TimeRange.Span.LAST_5_MINUTES))));
        assertEquals(List.of("6", "5", "2", "1"), shown(ActivationFilter.ALL.withRange(TimeRange.last(TimeRange.Span.LAST_HOUR))));
        assertEquals(List.of("6", "5", "2", "1", "3"), shown(ActivationFilter.ALL.withRange(TimeRange.last(TimeRange.Span.LAST_24_HOURS))));
        // custom: both ends inclusive; an open end is unbounded
        assertEquals(List.of("2", "1"), shown(ActivationFilter.ALL.withRange(TimeRange.custom(NOW - 60_000, NOW - 30_000))));
        assertEquals(List.of("3", "4"), shown(ActivationFilter.ALL.withRange(TimeRange.custom(0, NOW - 3_600_000))));
    }

    @Test
    void filtersCombine() {
        ActivationFilter f = ActivationFilter.ALL.withText("shop").withStatus(StatusChoice.FAILED)
                .withRange(TimeRange.last(TimeRange.Span.LAST_HOUR));
        assertEquals(List.of("5", "2"), shown(f));
    }

    @Test
    void logsAndResultAreSearchedOnlyWhenAskedAndOnceRead() {
        ActivationFilter inLogs = ActivationFilter.ALL.withText("card declined").withSearchDocs(true);
        assertTrue(inLogs.needsDocs());
        FilterRun.Result before = FilterRun.run(log.snapshot(), inLogs.compile(NOW), ActivationSort.NEWEST_FIRST);
        assertEquals(0, before.rows().size());
        assertEquals(6, before.docsPending());

        log.setDocText(Rows.id(2), DocText.of(Rows.parse("""
                {"logs":["2026-01-01T00:00:00.000Z stderr: Card DECLINED by bank"],
                 "response":{"result":{"error":"payment failed"}}}""")));
        assertEquals(List.of("2"), shown(inLogs));
        // the result is searched too, and the name still counts
        assertEquals(List.of("2"), shown(ActivationFilter.ALL.withText("payment checkout").withSearchDocs(true)));
        // without "logs and result" the words must be in the name or id
        assertEquals(List.of(), shown(ActivationFilter.ALL.withText("declined")));
        assertEquals(5, FilterRun.run(log.snapshot(), inLogs.compile(NOW), ActivationSort.NEWEST_FIRST).docsPending());
        assertFalse(ActivationFilter.ALL.withSearchDocs(true).needsDocs(), "no words, nothing to read");
    }

    @Test
    void sortingByAColumnKeepsNewestFirstAmongEquals() {
        List<String> byStatus = FilterRun.run(log.snapshot(), ActivationFilter.ALL.compile(NOW),
                ActivationSort.by(ActivationColumn.STATUS, true)).rows().stream()
                .map(r -> r.activationId().substring(31)).toList();
        assertEquals(List.of("6", "1", "4", "2", "3", "5"), byStatus);
        List<String> oldestFirst = FilterRun.run(log.snapshot(), ActivationFilter.ALL.compile(NOW),
                ActivationSort.by(ActivationColumn.START, true)).rows().stream()
                .map(r -> r.activationId().substring(31)).toList();
        assertEquals(List.of("4", "3", "1", "2", "5", "6"), oldestFirst);
        List<String> byName = FilterRun.run(log.snapshot(), ActivationFilter.ALL.compile(NOW),
                ActivationSort.by(ActivationColumn.NAME, false)).rows().stream()
                .map(r -> r.activationId().substring(31)).toList();
        assertEquals(List.of("5", "2", "1", "3", "6", "4"), byName);
    }

    @Test
    void aFilterSurvivesJson() {
        ActivationFilter f = new ActivationFilter("card  declined", true, StatusChoice.DEVELOPER_ERROR,
                StartChoice.COLD_OR_PREWARM, "shop/", TimeRange.custom(1_000, 2_000));
        assertEquals(f, FilterJson.fromJson(FilterJson.toJson(f)));
        ActivationFilter relative = ActivationFilter.ALL.withRange(TimeRange.last(TimeRange.Span.LAST_HOUR));
        assertEquals(relative, FilterJson.fromJson(FilterJson.toJson(relative)));
        // values this version does not know read as "any"
        assertEquals(ActivationFilter.ALL, FilterJson.fromJson(Rows.parse(
                "{\"status\":\"SOMETIMES\",\"start\":\"TEPID\",\"range\":{\"span\":\"LAST_WEEK\"}}")));
    }
}
