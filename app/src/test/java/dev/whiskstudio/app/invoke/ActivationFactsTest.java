package dev.whiskstudio.app.invoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationFactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aColdStartHasInitTime() throws Exception {
        ActivationFacts facts = ActivationFacts.of(JSON.readTree("""
                {"duration": 42, "response": {"status": "success", "success": true, "result": {"a": 1}},
                 "annotations": [{"key": "waitTime", "value": 7}, {"key": "initTime", "value": 30}]}"""));
        assertTrue(facts.coldStart());
        assertEquals(30L, facts.initTimeMs());
        assertEquals(7L, facts.waitTimeMs());
        assertEquals(42, facts.durationMs());
        assertEquals("Success", facts.statusTitle());
        assertEquals("{\"a\":1}", facts.result().toString());
    }

    @Test
    void aWarmStartHasNone() throws Exception {
        ActivationFacts facts = ActivationFacts.of(JSON.readTree("""
                {"duration": 3, "response": {"status": "action developer error", "result": {"error": "x"}},
                 "annotations": [{"key": "waitTime", "value": 1}]}"""));
        assertFalse(facts.coldStart());
        assertNull(facts.initTimeMs());
        assertEquals("Developer error", facts.statusTitle());
        assertEquals("invoke-status-developer-error", facts.statusStyle());
    }
}
