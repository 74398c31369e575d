package dev.whiskstudio.app.workspace.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** An action's {@code web:} setting: not a web action, a web action, or a raw HTTP web action. */
public enum WebExport {
    NO, YES, RAW;

    /**
     * Reads the manifest's value: {@code yes}, {@code true}, {@code no}, {@code false} or {@code raw}, in any case,
     * as a string or a YAML boolean; null (absent) is {@link #NO}.
     *
     * @return null when the value is none of these
     */
    public static WebExport parse(JsonNode value) {
        if (value == null || value.isNull()) {
            return NO;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? YES : NO;
        }
        if (!value.isTextual()) {
            return null;
        }
        return switch (value.asText().strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> YES;
            case "no", "false", "" -> NO;
            case "raw" -> RAW;
            default -> null;
        };
    }

    public boolean exported() {
        return this != NO;
    }
}
