package dev.whiskstudio.app.debug;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.debug.cdp.ObjectPreview;
import dev.whiskstudio.app.debug.cdp.RemoteObject;

/** One-line text for the engine's values, the way a debugger's variables view writes them. */
final class ValueText {
    private static final int MAX_STRING = 1000;

    private ValueText() {
    }

    static RemoteValue value(RemoteObject o) {
        if (o == null) {
            return new RemoteValue("undefined", null, null, "undefined", null);
        }
        return new RemoteValue(o.type(), o.subtype(), o.className(), text(o, true), o.objectId());
    }

    /** The value's text; strings quoted when {@code quoteStrings} (variables) and raw otherwise (console output). */
    static String text(RemoteObject o, boolean quoteStrings) {
        String type = o.type() == null ? "undefined" : o.type();
        switch (type) {
            case "undefined":
                return "undefined";
            case "string": {
                String s = o.value() == null ? "" : o.value().asText();
                return quoteStrings ? quote(s) : s;
            }
            case "number":
            case "boolean":
            case "bigint":
                if (o.unserializableValue() != null) {
                    return o.unserializableValue();
                }
                return o.value() != null ? numberText(o.value()) : orEmpty(o.description());
            case "symbol":
                return orEmpty(o.description());
            case "function":
                return functionText(o.description());
            default:
                return objectText(o);
        }
    }

    private static String objectText(RemoteObject o) {
        if ("null".equals(o.subtype())) {
            return "null";
        }
        if ("error".equals(o.subtype())) {
            return firstLine(o.description());
        }
        if (o.preview() != null && o.preview().properties() != null && !"error".equals(o.preview().subtype())) {
            return previewText(o.preview(), o.description(), 0);
        }
        return firstLine(o.description());
    }

    private static String previewText(ObjectPreview p, String description, int depth) {
        boolean array = "array".equals(p.subtype()) || "typedarray".equals(p.subtype());
        StringBuilder out = new StringBuilder();
        String name = description != null ? firstLine(description) : orEmpty(p.description());
        if (array) {
            out.append(name).append(" [");
        } else {
            if (!name.isEmpty() && !name.equals("Object")) {
                out.append(name).append(' ');
            }
            out.append('{');
        }
        int i = 0;
        if (p.properties() != null) {
            for (ObjectPreview.PropertyPreview prop : p.properties()) {
                if (i++ > 0) {
                    out.append(", ");
                }
                if (!array) {
                    out.append(prop.name()).append(": ");
                }
                out.append(propertyText(prop, depth));
            }
        }
        if (p.overflow()) {
            out.append(i > 0 ? ", …" : "…");
        }
        return out.append(array ? "]" : "}").toString();
    }

    private static String propertyText(ObjectPreview.PropertyPreview prop, int depth) {
        String value = prop.value() == null ? "" : prop.value();
        switch (prop.type() == null ? "" : prop.type()) {
            case "string":
                return quote(value);
            case "function":
                return "ƒ";
            case "accessor":
                return "(...)";
            case "object":
                if ("null".equals(prop.subtype())) {
                    return "null";
                }
                if (prop.valuePreview() != null && depth < 1) {
                    return previewText(prop.valuePreview(), null, depth + 1);
                }
                if ("array".equals(prop.subtype())) {
                    return value.isEmpty() ? "[…]" : value;
                }
                return value.isEmpty() || value.equals("Object") ? "{…}" : value;
            default:
                return value;
        }
    }

    private static String functionText(String description) {
        String first = firstLine(description);
        int brace = first.indexOf('{');
        String head = (brace >= 0 ? first.substring(0, brace) : first).trim();
        if (head.startsWith("async function")) {
            return "async ƒ " + head.substring("async function".length()).trim();
        }
        if (head.startsWith("function")) {
            return "ƒ " + head.substring("function".length()).trim();
        }
        if (head.startsWith("class")) {
            return head;
        }
        return "ƒ " + head;
    }

    private static String numberText(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isNumber()) {
            double d = value.asDouble();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
                return Long.toString((long) d);
            }
            return value.asText();
        }
        return value.asText();
    }

    static String quote(String s) {
        String shown = s.length() > MAX_STRING ? s.substring(0, MAX_STRING) + "…" : s;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
