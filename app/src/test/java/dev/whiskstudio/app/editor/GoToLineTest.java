package dev.whiskstudio.app.editor;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GoToLineTest {
    @Test
    void readsALineOrALineAndColumn() {
        assertEquals(Optional.of(new GoToLine.Target(12, 1)), GoToLine.parse(" 12 "));
        assertEquals(Optional.of(new GoToLine.Target(12, 5)), GoToLine.parse("12:5"));
        assertEquals(Optional.empty(), GoToLine.parse("twelve"));
    }

    @Test
    void explainsInputThatIsNotALine() {
        assertNull(GoToLine.problemWith("3", 10));
        assertEquals("There is no line 11: this file has lines 1 to 10.", GoToLine.problemWith("11", 10));
        assertEquals("There is no line 0: this file has lines 1 to 10.", GoToLine.problemWith("0", 10));
        assertEquals("\"abc\" is not a line number: type a number from 1 to 10.", GoToLine.problemWith("abc", 10));
        assertEquals("Type a line number from 1 to 10.", GoToLine.problemWith("  ", 10));
    }
}
