package dev.whiskstudio.app.activations;

import java.util.Objects;

/**
 * What a target knows of an activation beyond its record, as the simulator's insight API says it.
 *
 * @param activationId the activation
 * @param containerId  the container it ran in; null for none (a sequence's own record) or unknown
 * @param startKind    cold, prewarm or warm; unknown when the target does not say
 * @param waitTime     ms queued; -1 unknown
 * @param initTime     ms in {@code /init}; -1 none
 */
public record RowInsight(String activationId, String containerId, StartKind startKind, long waitTime, long initTime) {

    public RowInsight {
        Objects.requireNonNull(activationId, "activationId");
        startKind = startKind == null ? StartKind.UNKNOWN : startKind;
    }
}
