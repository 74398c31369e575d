package dev.whiskstudio.app.activations.pool;

import java.util.Locale;

/** The state of a container in the simulator's pool, as its {@code /sim/v1/pool} answer names it. */
public enum ContainerState {
    /** The backend is starting it. */
    STARTING,
    /** Started and not yet given an action: a stem cell. */
    PREWARMED,
    /** Initialised with an action (idle unless it has active activations). */
    WARM,
    /** Running activations. */
    BUSY,
    /** Warm and frozen while idle. */
    PAUSED,
    /** A state this app does not know (a newer simulator). */
    UNKNOWN;

    /** The state named {@code text} ({@code "prewarmed"}...), or {@link #UNKNOWN}. */
    public static ContainerState parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
