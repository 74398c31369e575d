package dev.whiskstudio.app.debug.cdp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value in the debugged program: {@code Runtime.RemoteObject}. Primitives carry their {@code value} (or an
 * {@code unserializableValue} such as {@code NaN}, {@code -0}, {@code 1n}); objects carry an {@code objectId} to ask
 * for their properties, a {@code className} and a {@code description}; {@code preview} when it was asked for.
 */
public record RemoteObject(String type, String subtype, String className, JsonNode value, String unserializableValue,
                           String description, String objectId, ObjectPreview preview) {
}
