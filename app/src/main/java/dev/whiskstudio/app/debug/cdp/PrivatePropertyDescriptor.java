package dev.whiskstudio.app.debug.cdp;

/** A class's private field or accessor ({@code #name}). */
public record PrivatePropertyDescriptor(String name, RemoteObject value, RemoteObject get, RemoteObject set) {
}
