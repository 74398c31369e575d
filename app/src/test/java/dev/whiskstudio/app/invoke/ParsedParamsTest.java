package dev.whiskstudio.app.invoke;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParsedParamsTest {

    @Test
    void emptyMeansAnEmptyObject() {
        ParsedParams empty = ParsedParams.of("  \n ");
        assertTrue(empty.valid());
        assertEquals("{}", empty.params().toString());
    }

    @Test
    void anObjectIsSentAsItIs() {
        ParsedParams p = ParsedParams.of("{\"a\": [1, 2], \"b\": {\"c\": null}}");
        assertTrue(p.valid());
        assertEquals("{\"a\":[1,2],\"b\":{\"c\":null}}", p.params().toString());
    }

    @Test
    void badJsonSaysWhereTheParserStopped() {
        ParsedParams p = ParsedParams.of("{\n  \"a\": 1,\n  \"b\" 2\n}");
        assertFalse(p.valid());
        assertTrue(p.problem().startsWith("Invalid JSON. Line 3, column 7: Unexpected character ('2'"), p.problem());
    }

    @Test
    void trailingTextIsAnError() {
        ParsedParams p = ParsedParams.of("{} {}");
        assertFalse(p.valid());
        assertTrue(p.problem().startsWith("Invalid JSON. Line 1, column 4: "), p.problem());
    }

    @Test
    void somethingOtherThanAnObjectIsNamed() {
        assertEquals("The parameters must be a JSON object ({ \"name\": value, … }), not a string.",
                ParsedParams.of("\"text\"").problem());
        assertEquals("The parameters must be a JSON object ({ \"name\": value, … }), not null.",
                ParsedParams.of("null").problem());
    }
}
