package dev.whiskstudio.app.debug.cdp;

/**
 * One scope of a call frame: {@code Debugger.Scope}; {@code type} is one of global, local, with, closure, catch,
 * block, script, eval, module, wasm-expression-stack; its variables are the properties of {@code object}.
 */
public record Scope(String type, RemoteObject object, String name, Location startLocation, Location endLocation) {
}
