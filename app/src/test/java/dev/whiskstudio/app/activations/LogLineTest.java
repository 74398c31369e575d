package dev.whiskstudio.app.activations;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLineTest {

    @Test
    void aPlatformLineSplitsIntoTimeStreamAndText() {
        LogLine line = LogLine.parse("2026-01-02T03:04:05.678Z stderr: Error: nope");
        assertEquals(Instant.parse("2026-01-02T03:04:05.678Z"), line.time());
        assertEquals(LogLine.Stream.STDERR, line.stream());
        assertEquals("Error: nope", line.text());
        assertEquals("04:04:05.678", line.localTime(ZoneOffset.ofHours(1)));
        LogLine out = LogLine.parse("2026-01-02T03:04:05.678Z stdout: ");
        assertEquals(LogLine.Stream.STDOUT, out.stream());
        assertEquals("", out.text());
    }

    @Test
    void otherLinesKeepTheirWholeText() {
        LogLine id = LogLine.parse("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        assertEquals(LogLine.Stream.OTHER, id.stream());
        assertNull(id.time());
        assertEquals("0a1b2c3d4e5f60718293a4b5c6d7e8f9", id.text());
        assertEquals(LogLine.Stream.OTHER, LogLine.parse("yesterday stdout: not a time").stream());
    }

    @Test
    void searchIsCaseInsensitiveOverTheWholeLine() {
        LogLine line = LogLine.parse("2026-01-02T03:04:05.678Z stdout: Order 42 SHIPPED");
        assertTrue(line.contains("shipped"));
        assertTrue(line.contains("stdout"));
        assertFalse(line.contains("refund"));
        assertFalse(line.contains(""));
    }
}
