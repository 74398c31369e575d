package dev.whiskstudio.app.debug.ui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CommandHistoryTest {
    @Test
    void upWalksBackAndDownReturnsToTheDraft() {
        CommandHistory history = new CommandHistory(10);
        history.add("1+2");
        history.add("total");
        assertEquals("total", history.previous("draft"));
        assertEquals("1+2", history.previous("ignored"));
        assertNull(history.previous("ignored"), "nothing older");
        assertEquals("total", history.next());
        assertEquals("draft", history.next(), "past the newest: what was being typed");
        assertNull(history.next());
    }

    @Test
    void repeatsInARowAreKeptOnceAndTheOldestGoPastTheLimit() {
        CommandHistory history = new CommandHistory(2);
        history.add("a");
        history.add("a");
        history.add("b");
        history.add("c");
        history.add(" ");
        assertEquals(List.of("b", "c"), history.entries());
    }
}
