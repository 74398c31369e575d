package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.editor.LineChange;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreakpointRegistryTest {
    private final Path a = Path.of("/work/a.js");
    private final Path b = Path.of("/work/b.js");

    @Test
    void keepsOnePerLineSortedByFileAndLineAndTellsEachChangeByFile() {
        BreakpointRegistry registry = new BreakpointRegistry();
        List<BreakpointChange> changes = new ArrayList<>();
        registry.addListener(changes::add);
        registry.put(UserBreakpoint.at(b, 3));
        registry.put(UserBreakpoint.at(a, 9));
        registry.put(UserBreakpoint.at(a, 2));
        registry.setCondition(a, 9, "x > 1");

        assertEquals(List.of(UserBreakpoint.at(a, 2), new UserBreakpoint(a, 9, "x > 1", null, true),
                UserBreakpoint.at(b, 3)), List.copyOf(registry.all()));
        assertEquals(4, changes.size());
        BreakpointChange last = changes.get(3);
        assertEquals(a, last.file());
        assertEquals(List.of(UserBreakpoint.at(a, 2), UserBreakpoint.at(a, 9)), last.before());

        registry.put(UserBreakpoint.at(a, 2));
        assertEquals(4, changes.size(), "no change, no event");
    }

    @Test
    void breakpointsMoveWithTheirLinesAndGoWithDeletedOnes() {
        BreakpointRegistry registry = new BreakpointRegistry();
        registry.put(new UserBreakpoint(a, 5, "i === 2", null, true));
        registry.put(new UserBreakpoint(a, 8, null, "at {i}", false));
        registry.put(UserBreakpoint.at(b, 5));

        // two lines inserted at the start of line 1
        registry.follow(a, List.of(new LineChange(0, 0, 0, 2)));
        assertEquals(List.of(new UserBreakpoint(a, 7, "i === 2", null, true),
                new UserBreakpoint(a, 10, null, "at {i}", false)), registry.inFile(a));
        assertEquals(List.of(UserBreakpoint.at(b, 5)), registry.inFile(b), "other files stay");

        // line 7 (index 6) and the break after it removed, from its start
        registry.follow(a, List.of(new LineChange(6, 0, 1, 0)));
        assertEquals(List.of(new UserBreakpoint(a, 9, null, "at {i}", false)), registry.inFile(a));
    }

    @Test
    void removingTheLastOfAFileForgetsTheFile() {
        BreakpointRegistry registry = new BreakpointRegistry();
        registry.put(UserBreakpoint.at(a, 1));
        registry.remove(a, 1);
        assertTrue(registry.files().isEmpty());
        assertTrue(registry.all().isEmpty());
    }
}
