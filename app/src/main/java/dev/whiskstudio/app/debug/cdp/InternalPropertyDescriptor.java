package dev.whiskstudio.app.debug.cdp;

/** An engine-internal slot shown beside the properties, such as {@code [[Prototype]]} or {@code [[Entries]]}. */
public record InternalPropertyDescriptor(String name, RemoteObject value) {
}
