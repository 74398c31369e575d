package dev.whiskstudio.app.client.debug;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the API's JSON: a missing or null field is null, not the text {@code "null"}. */
final class Json {
    private Json() {
    }

    static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
