package dev.whiskstudio.app.debug;

/**
 * A variable of a scope or a property of an object. {@code value} is null only for an {@code ACCESSOR}: a property
 * with a getter, which is never called on its own (it may have side effects); {@link DebugSession#invokeGetter} calls
 * it when the user asks. {@code INTERNAL} slots are the engine's ({@code [[Prototype]]}, {@code [[Entries]]}...);
 * {@code PRIVATE} ones a class's {@code #fields}. {@code owner} is the object the property belongs to.
 */
public record Variable(String name, RemoteValue value, Kind kind, String owner) {
    public enum Kind {
        PROPERTY, ACCESSOR, INTERNAL, PRIVATE
    }

    /** What to show for the value: its text, or a placeholder for an accessor not read yet. */
    public String valueText() {
        return value != null ? value.text() : "(...)";
    }
}
