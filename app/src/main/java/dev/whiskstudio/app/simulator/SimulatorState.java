package dev.whiskstudio.app.simulator;

import java.util.EnumSet;
import java.util.Set;

/** The life of the embedded simulator as the app sees it, and the moves between states. */
public enum SimulatorState {
    STARTING,
    RUNNING,
    FAILED,
    STOPPED;

    /** Whether the simulator may go from this state to {@code next}. */
    public boolean canMoveTo(SimulatorState next) {
        return moves().contains(next);
    }

    private Set<SimulatorState> moves() {
        return switch (this) {
            case STARTING -> EnumSet.of(RUNNING, FAILED, STOPPED);
            case RUNNING, FAILED -> EnumSet.of(STOPPED);
            case STOPPED -> EnumSet.noneOf(SimulatorState.class);
        };
    }
}
