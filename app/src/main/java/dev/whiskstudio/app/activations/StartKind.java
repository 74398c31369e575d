package dev.whiskstudio.app.activations;

import java.util.Locale;

/**
 * How an activation got its container: a new one (cold), a started but uninitialised one (prewarm), one that had
 * already run the action (warm), or not known (a sequence or trigger has no container of its own; and a cluster's
 * record does not tell a prewarm from a cold start, both carry {@code initTime}).
 */
public enum StartKind {
    COLD("Cold"),
    PREWARM("Prewarm"),
    WARM("Warm"),
    UNKNOWN("—");

    private final String title;

    StartKind(String title) {
        this.title = title;
    }

    /** How the list shows it. */
    public String title() {
        return title;
    }

    /** The simulator's word ({@code cold}, {@code prewarm}, {@code warm}); anything else, or null, is unknown. */
    public static StartKind fromInsight(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "cold" -> COLD;
            case "prewarm" -> PREWARM;
            case "warm" -> WARM;
            default -> UNKNOWN;
        };
    }
}
