package dev.whiskstudio.app.invoke;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parameters as typed, checked: either a JSON object to send, or what is wrong in words (with the line and
 * column the parser stopped at). An empty text means {@code {}}.
 */
public record ParsedParams(JsonNode params, String problem) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public boolean valid() {
        return params != null;
    }

    public static ParsedParams of(String text) {
        if (text == null || text.isBlank()) {
            return new ParsedParams(JSON.createObjectNode(), null);
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : "Line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            return new ParsedParams(null, "Invalid JSON. " + where + firstLine(e.getOriginalMessage()));
        }
        if (!parsed.isObject()) {
            return new ParsedParams(null, "The parameters must be a JSON object ({ \"name\": value, … }), not "
                    + article(parsed) + ".");
        }
        return new ParsedParams(parsed, null);
    }

    private static String article(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
