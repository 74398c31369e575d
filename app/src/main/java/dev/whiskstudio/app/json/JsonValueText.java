package dev.whiskstudio.app.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How a value reads in a row of the tree, which style class colours it, and what copying it puts on the clipboard. */
final class JsonValueText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValueText() {
    }

    /** The row's text for a value: a string quoted and cut at {@code stringLimit} characters, a container summarised. */
    static String display(JsonNode value, int stringLimit) {
        if (value == null || value.isMissingNode()) {
            return "";
        }
        if (value.isObject()) {
            return value.isEmpty() ? "{}" : "{ " + count(value.size(), "field") + " }";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "[]" : "[ " + count(value.size(), "item") + " ]";
        }
        if (value.isTextual()) {
            String text = value.asText();
            String shown = text.length() > stringLimit ? text.substring(0, stringLimit) : text;
            return text.length() > stringLimit
                    ? quoted(shown) + "… " + (text.length() - stringLimit) + " more"
                    : quoted(shown);
        }
        if (value.isBinary()) {
            return "<" + count(value.size(), "byte") + ">";
        }
        return value.asText();
    }

    /** The style class that colours a value by its JSON type. */
    static String styleClass(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "json-null";
        }
        if (value.isContainerNode()) {
            return "json-container";
        }
        if (value.isTextual()) {
            return "json-string";
        }
        if (value.isNumber()) {
            return "json-number";
        }
        if (value.isBoolean()) {
            return "json-boolean";
        }
        return "json-other";
    }

    /** What "copy value" gives: a string's own text, anything else as (indented) JSON. */
    static String copyText(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // a tree read by Jackson always writes back; this would be a bug in Jackson, not bad input
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String text) {
        try {
            // JSON's own escaping keeps newlines and control characters on one visible line
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
