package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.RemoteValue;

/**
 * One row of a value tree (variables, watches): a scope's title, a variable or property with its value, a getter
 * not called yet ({@code (...)}), or a message (loading, an error).
 *
 * @param valueType the engine's type of the value ({@code string}, {@code number}, {@code object}...), for colouring
 */
record ValueRow(Kind kind, String name, String value, String valueType) {
    enum Kind {
        SCOPE, VARIABLE, INTERNAL, ACCESSOR, MESSAGE, ERROR
    }

    static ValueRow scope(String title) {
        return new ValueRow(Kind.SCOPE, title, "", null);
    }

    static ValueRow variable(String name, RemoteValue value, boolean internal) {
        return new ValueRow(internal ? Kind.INTERNAL : Kind.VARIABLE, name, value.text(), typeOf(value));
    }

    static ValueRow accessor(String name) {
        return new ValueRow(Kind.ACCESSOR, name, "(...)", null);
    }

    static ValueRow message(String text) {
        return new ValueRow(Kind.MESSAGE, text, "", null);
    }

    static ValueRow error(String name, String text) {
        return new ValueRow(Kind.ERROR, name, text, null);
    }

    static String typeOf(RemoteValue value) {
        if (value == null || value.type() == null) {
            return "undefined";
        }
        if ("null".equals(value.subtype())) {
            return "null";
        }
        return value.type();
    }
}
