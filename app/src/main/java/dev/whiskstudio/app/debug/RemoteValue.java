package dev.whiskstudio.app.debug;

/**
 * A value of the debugged program, ready to show: {@code text} is its one-line form ({@code "abc"}, {@code 42},
 * {@code {a: 1, b: {…}}}, {@code Array(3) [1, 2, 3]}, {@code ƒ inner(x)}); {@code type} and {@code subtype} are the
 * engine's ({@code object}/{@code array}, {@code string}, {@code function}...); {@code objectId} is set for objects
 * and functions, whose properties {@link DebugSession#properties} reads, while the program stays paused.
 */
public record RemoteValue(String type, String subtype, String className, String text, String objectId) {
    public boolean isExpandable() {
        return objectId != null;
    }
}
