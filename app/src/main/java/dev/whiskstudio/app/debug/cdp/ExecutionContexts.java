package dev.whiskstudio.app.debug.cdp;

/** The events by which the program's JavaScript contexts come and go. */
public final class ExecutionContexts {
    public static final String CREATED = "Runtime.executionContextCreated";
    public static final String DESTROYED = "Runtime.executionContextDestroyed";
    public static final String CLEARED = "Runtime.executionContextsCleared";

    private ExecutionContexts() {
    }

    /** {@code Runtime.executionContextCreated}. */
    public record Created(Description context) {
    }

    /** {@code Runtime.executionContextDestroyed}. */
    public record Destroyed(int executionContextId) {
    }

    /** {@code Runtime.ExecutionContextDescription}. */
    public record Description(int id, String origin, String name) {
    }
}
