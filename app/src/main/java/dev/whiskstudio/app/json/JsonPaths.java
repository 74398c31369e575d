package dev.whiskstudio.app.json;

import java.util.regex.Pattern;

/** JSONPath expressions for a value's place in a document: {@code $}, {@code $.a.b}, {@code $['a b']}, {@code $[3]}. */
public final class JsonPaths {
    public static final String ROOT = "$";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private JsonPaths() {
    }

    public static String field(String parent, String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
