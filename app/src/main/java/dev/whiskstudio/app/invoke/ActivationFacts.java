package dev.whiskstudio.app.invoke;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a person wants from an activation record at a glance.
 *
 * @param status     the platform's words: {@code success}, {@code application error}, {@code action developer error},
 *                   {@code whisk internal error}
 * @param durationMs the record's {@code duration}
 * @param initTimeMs the {@code initTime} annotation, present only on a cold (or prewarmed) start; null when warm
 * @param waitTimeMs the {@code waitTime} annotation, null when absent
 * @param result     {@code response.result}
 */
public record ActivationFacts(String status, long durationMs, Long initTimeMs, Long waitTimeMs, JsonNode result) {

    public static ActivationFacts of(JsonNode record) {
        JsonNode response = record.path("response");
        String status = response.path("status").asText("");
        if (status.isEmpty()) {
            status = response.path("success").asBoolean(false) ? "success" : "application error";
        }
        return new ActivationFacts(status, record.path("duration").asLong(0), annotationLong(record, "initTime"),
                annotationLong(record, "waitTime"), response.path("result"));
    }

    public boolean coldStart() {
        return initTimeMs != null;
    }

    /** How the status reads in the panel. */
    public String statusTitle() {
        return switch (status) {
            case "success" -> "Success";
            case "application error" -> "Application error";
            case "action developer error" -> "Developer error";
            case "whisk internal error" -> "Whisk error";
            default -> status;
        };
    }

    /** The style class that colours the status. */
    public String statusStyle() {
        return switch (status) {
            case "success" -> "invoke-status-success";
            case "application error" -> "invoke-status-application-error";
            case "action developer error" -> "invoke-status-developer-error";
            default -> "invoke-status-whisk-error";
        };
    }

    private static Long annotationLong(JsonNode record, String key) {
        for (JsonNode a : record.path("annotations")) {
            if (key.equals(a.path("key").asText()) && a.path("value").canConvertToLong()) {
                return a.get("value").asLong();
            }
        }
        return null;
    }
}
