package dev.whiskstudio.app.invoke;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How an invocation ended, for the panel.
 *
 * @param activationId the activation's id
 * @param record       the activation record; null when it did not appear within the time the panel waits
 * @param logs         the activation's log lines
 * @param note         something to tell the user besides the record (why logs are missing, that it still runs), or null
 */
public record InvokeOutcome(String activationId, JsonNode record, List<String> logs, String note) {

    public boolean finished() {
        return record != null;
    }
}
