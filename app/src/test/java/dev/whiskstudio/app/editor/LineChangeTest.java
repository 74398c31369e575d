package dev.whiskstudio.app.editor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineChangeTest {
    @Test
    void linesBelowAnInsertMoveDown() {
        LineChange enterMidLine = new LineChange(3, 4, 0, 1);
        assertEquals(2, enterMidLine.mapLine(2));
        assertEquals(3, enterMidLine.mapLine(3));
        assertEquals(5, enterMidLine.mapLine(4));
    }

    @Test
    void aLineMovesWithItsContentWhenLinesGoInAtItsStart() {
        LineChange pasteThreeLines = new LineChange(3, 0, 0, 3);
        assertEquals(6, pasteThreeLines.mapLine(3));
    }

    @Test
    void deletedLinesLoseTheirPlace() {
        // whole lines 3..5 selected from their start and deleted
        LineChange delete = new LineChange(3, 0, 3, 0);
        assertEquals(-1, delete.mapLine(3));
        assertEquals(-1, delete.mapLine(4));
        assertEquals(3, delete.mapLine(6));
        assertEquals(7, delete.mapLine(10));
        // backspace at the start of line 4 joins it to line 3
        LineChange join = new LineChange(3, 8, 1, 0);
        assertEquals(3, join.mapLine(3));
        assertEquals(3, join.mapLine(4));
        assertEquals(4, join.mapLine(5));
    }
}
