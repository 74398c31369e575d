package dev.whiskstudio.app.debug.ui;

import java.nio.file.Path;
import java.util.List;

/** The breakpoints of one file before and after a change of the {@link BreakpointRegistry}, by line. */
public record BreakpointChange(Path file, List<UserBreakpoint> before, List<UserBreakpoint> after) {
    public BreakpointChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** The breakpoints a session should have for the file now. */
    public List<UserBreakpoint> enabledAfter() {
        return after.stream().filter(UserBreakpoint::enabled).toList();
    }
}
