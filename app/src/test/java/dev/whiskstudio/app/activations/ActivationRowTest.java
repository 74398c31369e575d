package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.explorer.ActionRef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationRowTest {

    /** An entry of a cluster's list (OpenWhisk 1.x, docs=false), cold start of a packaged action. */
    private static final String COLD_ENTRY = """
            {"activationId":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","annotations":[
              {"key":"path","value":"guest/shop/checkout"},{"key":"waitTime","value":43},
              {"key":"kind","value":"nodejs:20"},{"key":"timeout","value":false},
              {"key":"limits","value":{"concurrency":1,"logs":10,"memory":512,"timeout":60000}},
              {"key":"initTime","value":180}],
             "duration":245,"end":1767323045923,"name":"checkout","namespace":"guest","publish":false,
             "start":1767323045678,"statusCode":0,"version":"0.0.3"}""";

    @Test
    void aColdEntryMapsEveryColumn() {
        ActivationRow row = ActivationRow.of(Rows.parse(COLD_ENTRY));
        assertEquals("0a1b2c3d4e5f60718293a4b5c6d7e8f9", row.activationId());
        assertEquals("guest", row.namespace());
        assertEquals("shop/checkout", row.path());
        assertEquals("checkout", row.name());
        assertEquals("nodejs:20", row.kind());
        assertEquals(1767323045678L, row.start());
        assertEquals(1767323045923L, row.end());
        assertEquals(245, row.duration());
        assertEquals(43, row.waitTime());
        assertEquals(180, row.initTime());
        assertEquals(StartKind.COLD, row.startKind());
        assertEquals(ActivationStatus.SUCCESS, row.status());
        assertEquals(512, row.memory());
        assertNull(row.containerId());
        assertNull(row.cause());
        assertFalse(row.isSequence());
        assertEquals("0a1b2c3d4e5f", row.shortId());
        assertEquals(new ActionRef("guest", "shop", "checkout"), row.actionRef());
    }

    @Test
    void withoutInitTimeAnActionRanWarm() {
        ActivationRow row = ActivationRow.of(Rows.entry(Rows.id(1), "hello", 1000, 5, 0, null));
        assertEquals(StartKind.WARM, row.startKind());
        assertEquals(-1, row.initTime());
        assertEquals("hello", row.path());
    }

    @Test
    void statusCodesMapToTheFourOutcomes() {
        assertEquals(ActivationStatus.SUCCESS, ActivationRow.of(Rows.entry(Rows.id(1), "a", 1, 1, 0, null)).status());
        assertEquals(ActivationStatus.APPLICATION_ERROR, ActivationRow.of(Rows.entry(Rows.id(1), "a", 1, 1, 1, null)).status());
        assertEquals(ActivationStatus.DEVELOPER_ERROR, ActivationRow.of(Rows.entry(Rows.id(1), "a", 1, 1, 2, null)).status());
        assertEquals(ActivationStatus.WHISK_ERROR, ActivationRow.of(Rows.entry(Rows.id(1), "a", 1, 1, 3, null)).status());
    }

    @Test
    void aWholeRecordTakesItsStatusFromTheResponse() {
        JsonNode record = Rows.parse("""
                {"activationId":"%s","name":"a","namespace":"guest","start":10,"end":20,"duration":10,
                 "annotations":[{"key":"path","value":"guest/a"},{"key":"kind","value":"nodejs:20"}],
                 "response":{"status":"action developer error","success":false,"result":{"error":"boom"}},
                 "logs":[]}""".formatted(Rows.id(9)));
        assertEquals(ActivationStatus.DEVELOPER_ERROR, ActivationRow.of(record).status());
        JsonNode onlySuccess = Rows.parse("""
                {"activationId":"%s","name":"a","start":10,"response":{"success":false,"result":{}}}"""
                .formatted(Rows.id(9)));
        assertEquals(ActivationStatus.APPLICATION_ERROR, ActivationRow.of(onlySuccess).status());
    }

    @Test
    void aSequenceComponentKnowsItsCauseAndTheSequenceHasNoStartKind() {
        JsonNode sequence = Rows.parse("""
                {"activationId":"%s","name":"pipeline","namespace":"guest","start":100,"end":300,"duration":150,
                 "statusCode":0,"annotations":[{"key":"topmost","value":true},{"key":"path","value":"guest/pipeline"},
                 {"key":"kind","value":"sequence"},{"key":"limits","value":{"memory":256}}]}""".formatted(Rows.id(1)));
        ActivationRow seq = ActivationRow.of(sequence);
        assertTrue(seq.isSequence());
        assertEquals(StartKind.UNKNOWN, seq.startKind());
        assertEquals(-1, seq.waitTime());

        JsonNode component = Rows.parse("""
                {"activationId":"%s","name":"step","namespace":"guest","start":110,"end":180,"duration":70,
                 "statusCode":1,"cause":"%s","annotations":[{"key":"path","value":"guest/step"},
                 {"key":"causedBy","value":"sequence"},{"key":"waitTime","value":2},{"key":"kind","value":"nodejs:20"}]}"""
                .formatted(Rows.id(2), Rows.id(1)));
        ActivationRow step = ActivationRow.of(component);
        assertEquals(Rows.id(1), step.cause());
        assertFalse(step.isSequence());
        assertEquals(ActivationStatus.APPLICATION_ERROR, step.status());
    }

    @Test
    void aConductorIsASequenceEvenWithAnotherKind() {
        JsonNode conductor = Rows.parse("""
                {"activationId":"%s","name":"c","start":1,"end":2,"statusCode":0,
                 "annotations":[{"key":"conductor","value":true},{"key":"kind","value":"nodejs:20"}]}"""
                .formatted(Rows.id(3)));
        assertTrue(ActivationRow.of(conductor).isSequence());
    }

    @Test
    void aTriggerRecordHasNoEndNoKindAndNoAction() {
        JsonNode trigger = Rows.parse("""
                {"activationId":"%s","name":"tick","namespace":"guest","start":50,"annotations":[],"version":"0.0.1"}"""
                .formatted(Rows.id(4)));
        ActivationRow row = ActivationRow.of(trigger);
        assertFalse(row.hasEnd());
        assertEquals(-1, row.duration());
        assertEquals("", row.kind());
        assertEquals("tick", row.path());
        assertEquals(StartKind.UNKNOWN, row.startKind());
        assertEquals(ActivationStatus.SUCCESS, row.status());
        assertEquals(-1, row.memory());
        assertNull(row.actionRef());
    }

    @Test
    void anActionInvokedThroughABindingIsInvokedAgainThroughIt() {
        ActivationRow direct = ActivationRow.of(Rows.parse(COLD_ENTRY));
        assertEquals(direct.actionRef(), direct.invokedRef(), "no binding: the action itself");
        ActivationRow bound = ActivationRow.of(Rows.parse(COLD_ENTRY.replace("{\"key\":\"kind\"",
                "{\"key\":\"binding\",\"value\":\"team/myshop\"},{\"key\":\"kind\"")));
        assertEquals(new ActionRef("guest", "shop", "checkout"), bound.actionRef(), "its source is the package's");
        assertEquals(new ActionRef("team", "myshop", "checkout"), bound.invokedRef());
    }

    @Test
    void anEntryWithoutIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ActivationRow.of(Rows.parse("{\"name\":\"x\"}")));
    }

    @Test
    void theInsightTellsPrewarmFromColdAndNamesTheContainer() {
        ActivationRow cold = ActivationRow.of(Rows.parse(COLD_ENTRY));
        ActivationRow enriched = cold.withInsight(new RowInsight(cold.activationId(), "wsk-c7", StartKind.PREWARM, 40, 170));
        assertEquals(StartKind.PREWARM, enriched.startKind());
        assertEquals("wsk-c7", enriched.containerId());
        // the record's own times stay
        assertEquals(43, enriched.waitTime());
        assertEquals(180, enriched.initTime());
        // an insight of another activation, or none, changes nothing
        assertSame(cold, cold.withInsight(new RowInsight(Rows.id(5), "x", StartKind.WARM, 1, -1)));
        assertSame(cold, cold.withInsight(null));
        // an insight that does not know the start kind keeps the record's
        assertEquals(StartKind.COLD, cold.withInsight(new RowInsight(cold.activationId(), "c", null, -1, -1)).startKind());
    }

    @Test
    void startKindsReadTheSimulatorsWords() {
        assertEquals(StartKind.COLD, StartKind.fromInsight("cold"));
        assertEquals(StartKind.PREWARM, StartKind.fromInsight("prewarm"));
        assertEquals(StartKind.WARM, StartKind.fromInsight("WARM"));
        assertEquals(StartKind.UNKNOWN, StartKind.fromInsight(null));
        assertEquals(StartKind.UNKNOWN, StartKind.fromInsight("lukewarm"));
    }

    @Test
    void statusTextsAreThePlatforms() {
        for (ActivationStatus s : ActivationStatus.values()) {
            assertEquals(s, ActivationStatus.fromText(s.platformText()));
        }
        assertNull(ActivationStatus.fromText("fine"));
    }
}
