package dev.whiskstudio.app.debug.cdp;

/**
 * An own property of an object: {@code Runtime.PropertyDescriptor}. A data property has a {@code value}; an
 * accessor has {@code get} and/or {@code set} functions and no value (the inspector does not call getters for it).
 */
public record PropertyDescriptor(String name, RemoteObject value, Boolean writable, RemoteObject get, RemoteObject set,
                                 boolean configurable, boolean enumerable, Boolean wasThrown, Boolean isOwn,
                                 RemoteObject symbol) {
    public boolean isAccessor() {
        return value == null && (get != null || set != null);
    }
}
