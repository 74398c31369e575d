package dev.whiskstudio.sim.insight;

/**
 * Joins stored JSON texts without parsing them again: the store keeps compact objects, and the event stream and the
 * insight list add one field to each.
 */
final class JsonText {
    private JsonText() {
    }

    /** {@code object} (a compact JSON object) with one more field, {@code name}, whose value is the JSON {@code value}. */
    static String withField(String object, String name, String value) {
        int close = object.lastIndexOf('}');
        if (close < 0) {
            throw new IllegalArgumentException("not a JSON object");
        }
        boolean empty = object.substring(0, close).strip().equals("{");
        return object.substring(0, close) + (empty ? "" : ",") + '"' + name + "\":" + value + object.substring(close);
    }
}
