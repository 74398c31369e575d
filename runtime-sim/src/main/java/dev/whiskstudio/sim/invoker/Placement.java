package dev.whiskstudio.sim.invoker;

/**
 * Where and how an activation ran: the container it got, how that container was found, and its times. The
 * simulator's insight API shows it; the platform's record only carries {@code waitTime} and {@code initTime}.
 *
 * @param containerId the backend's id of the container, null when it got none (no room, the simulator stopping)
 * @param startKind   how the container was found, null when it got none
 * @param queuedAt    epoch ms when the invoker took the activation
 * @param waitTime    ms from then until it had its container
 * @param initTime    ms {@code /init} took, null when the container was already initialised (or not yet known)
 */
public record Placement(String containerId, StartKind startKind, long queuedAt, long waitTime, Long initTime) {

    Placement withInitTime(Long value) {
        return new Placement(containerId, startKind, queuedAt, waitTime, value);
    }
}
