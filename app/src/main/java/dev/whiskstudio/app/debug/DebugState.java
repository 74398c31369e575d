package dev.whiskstudio.app.debug;

/**
 * Where a session is: {@code NEW} (breakpoints may be set, nothing runs), {@code STARTING} (starting the target,
 * connecting, applying breakpoints), {@code RUNNING}, {@code PAUSED} (the program is held at a location), {@code ENDED}
 * (for good; see {@link SessionEnd}). Moves only forward, except RUNNING and PAUSED, which alternate.
 */
public enum DebugState {
    NEW, STARTING, RUNNING, PAUSED, ENDED
}
