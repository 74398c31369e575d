package dev.whiskstudio.app.workspace.project;

/**
 * An action's limits as the manifest sets them; each is null when not set (the platform's default applies).
 *
 * @param timeoutMs   {@code timeout}, in milliseconds
 * @param memoryMb    {@code memorySize}, in megabytes
 * @param logsMb      {@code logSize}, in megabytes
 * @param concurrency {@code concurrency} (wskdeploy: {@code concurrentActivations}): activations per container
 */
public record ActionLimits(Integer timeoutMs, Integer memoryMb, Integer logsMb, Integer concurrency) {
    public static final ActionLimits NONE = new ActionLimits(null, null, null, null);

    public boolean isEmpty() {
        return timeoutMs == null && memoryMb == null && logsMb == null && concurrency == null;
    }
}
