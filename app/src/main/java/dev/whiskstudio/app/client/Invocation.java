package dev.whiskstudio.app.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an invocation answered.
 *
 * @param status       200 (done), 502 (the action failed; the record says how) or 202 (still running)
 * @param activationId the activation's id
 * @param record       the activation record, or null when it is still running
 */
public record Invocation(int status, String activationId, JsonNode record) {

    public boolean finished() {
        return record != null;
    }
}
