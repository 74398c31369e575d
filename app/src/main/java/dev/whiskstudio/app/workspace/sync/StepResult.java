package dev.whiskstudio.app.workspace.sync;

import java.util.Objects;

/**
 * How one step ended.
 *
 * @param message    for a failure, the platform's own words (e.g. "The name of the entity contains illegal
 *                   characters."); for a skip, which step it needed; empty when done
 * @param httpStatus the platform's status code for a failure it answered, else 0
 */
public record StepResult(SyncStep step, StepStatus status, String message, int httpStatus) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    static StepResult done(SyncStep step) {
        return new StepResult(step, StepStatus.DONE, "", 0);
    }

    public boolean ok() {
        return status == StepStatus.DONE;
    }
}
