package dev.whiskstudio.app.debug;

/**
 * A scope of a stack frame: {@code type} is {@code local}, {@code closure}, {@code block}, {@code catch},
 * {@code script}, {@code module}, {@code global}, {@code with} or {@code eval}; {@code name} the engine's (a closure's
 * function), or null. Its variables are read with {@link DebugSession#variables}, while the same pause lasts.
 */
public record FrameScope(long pauseId, String type, String name, String objectId) {
    /** A title for the variables tree: "Local", "Closure (inner)", "Global". */
    public String title() {
        String kind = type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        return name == null || name.isBlank() ? kind : kind + " (" + name + ")";
    }

    /** The scopes a debugger shows open at first: the innermost ones, not the global object. */
    public boolean openByDefault() {
        return type.equals("local") || type.equals("block") || type.equals("catch");
    }
}
