package dev.whiskstudio.plugin.alarms;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values read as the platform's Node.js feed reads them; expected results were checked against Node.js 20. */
class JsConversionsTest {

    private static String date(Object value) {
        Instant at = JsDates.parse(value);
        return at == null ? "Invalid" : at.toString();
    }

    @Test
    void datesInTheFormsV8Parses() {
        assertEquals("2019-01-31T23:59:00Z", date("2019-01-31T23:59:00.000Z"));
        assertEquals("2019-01-31T00:00:00Z", date("2019-01-31"));
        assertEquals("2019-01-01T00:00:00Z", date("2019-01"));
        assertEquals("2019-01-01T00:00:00Z", date("2019"));
        assertEquals("2019-01-31T23:59:00Z", date("2019-01-31T23:59"));
        assertEquals("2019-01-31T23:59:00Z", date("2019-01-31 23:59:00"));
        assertEquals("2019-01-31T22:59:00Z", date("2019-01-31T23:59:00+01:00"));
        assertEquals("2019-01-31T22:59:00Z", date("2019-01-31T23:59:00+0100"));
        assertEquals("2019-01-31T23:59:00Z", date("2019-01-31t23:59:00z"));
        assertEquals("2019-01-31T23:59:00.123Z", date("2019-01-31T23:59:00.1234Z"));
        assertEquals("2019-01-31T23:59:00.100Z", date("2019-01-31T23:59:00.1Z"));
        assertEquals("2019-02-01T00:00:00Z", date("2019-01-31T24:00:00Z"));
        assertEquals("2019-03-02T00:00:00Z", date("2019-02-30"));
        assertEquals("2019-01-31T00:00:00Z", date("+002019-01-31T00:00:00Z"));
        assertEquals("2019-01-31T23:59:00Z", date("Thu, 31 Jan 2019 23:59:00 GMT"));
    }

    @Test
    void datesV8Refuses() {
        for (String s : List.of("tomorrow", "1546300800000", "2019-13-01", "2019-01-32", "2019-01-31T24:00:01Z",
                "2019-01-31T23:60:00Z", " 2019-01-31T00:00:00Z", "")) {
            assertEquals("Invalid", date(s), s);
        }
        assertEquals("Invalid", date(Map.of()));
        assertEquals("Invalid", date(9e15));
    }

    @Test
    void numbersAreMillisecondsSince1970() {
        assertEquals("2019-01-01T00:00:00Z", date(1546300800000L));
        assertEquals("2019-01-01T00:00:00Z", date(1.5463008E12));
        assertEquals("1970-01-01T00:00:00.001Z", date(1.7));
        assertEquals("1970-01-01T00:00:00.001Z", date(true));
        assertNull(JsDates.parse(null));
    }

    @Test
    void numbersPrintAsJavaScriptPrintsThem() {
        assertEquals("1614556800000", JsValues.string(1.6145568E12));
        assertEquals("123", JsValues.string(123.0));
        assertEquals("0.1", JsValues.string(0.1));
        assertEquals("1e+21", JsValues.string(1e21));
        assertEquals("1.5e-7", JsValues.string(1.5e-7));
        assertEquals("[object Object]", JsValues.string(Map.of("a", 1)));
        assertEquals("1,2", JsValues.string(List.of(1, 2)));
        assertEquals("null", JsValues.string(null));
    }

    @Test
    void numberAndParseIntDifferAsInJavaScript() {
        assertEquals(16, JsValues.parseInt("0x10"));
        assertEquals(16, JsValues.number("0x10"));
        assertEquals(5, JsValues.number(" 5 "));
        assertEquals(0, JsValues.number(""));
        assertTrue(Double.isNaN(JsValues.parseInt("")));
        assertEquals(1000, JsValues.number("1e3"));
        assertEquals(1, JsValues.parseInt("1e3"));
        assertTrue(Double.isNaN(JsValues.number("-0x10")));
        assertEquals(-16, JsValues.parseInt("-0x10"));
        assertEquals(12, JsValues.parseInt("12abc"));
        assertEquals(3, JsValues.number("0b11"));
        assertEquals(0, JsValues.parseInt("0b11"));
        assertTrue(Double.isNaN(JsValues.number("1_000")));
        assertEquals(Double.POSITIVE_INFINITY, JsValues.number("Infinity"));
        assertTrue(Double.isNaN(JsValues.parseInt("Infinity")));
    }

    @Test
    void truthiness() {
        for (Object falsy : java.util.Arrays.asList(null, false, 0, 0.0, Double.NaN, "")) {
            assertFalse(JsValues.truthy(falsy), String.valueOf(falsy));
        }
        for (Object truthy : List.of(true, 1, -1, "0", "false", Map.of(), List.of())) {
            assertTrue(JsValues.truthy(truthy), String.valueOf(truthy));
        }
    }
}
