package dev.whiskstudio.app.activations;

import java.util.Objects;

/**
 * Where a live feed is, in words a person can read.
 *
 * @param phase   starting, live, retrying after a failure, or stopped
 * @param message what the view shows, e.g. "Polling every 1.5 s" or "Polling failed: … Retrying in 4 s."
 */
public record FeedState(Phase phase, String message) {

    public enum Phase { STARTING, LIVE, RETRYING, STOPPED }

    public FeedState {
        Objects.requireNonNull(phase, "phase");
        message = message == null ? "" : message;
    }

    public boolean failing() {
        return phase == Phase.RETRYING;
    }
}
