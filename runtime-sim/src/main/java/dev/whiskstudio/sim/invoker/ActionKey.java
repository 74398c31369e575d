package dev.whiskstudio.sim.invoker;

/**
 * Which activations may share a warm container: the same invoking namespace, the same action and the same revision
 * of it, as on the platform.
 *
 * @param namespace the namespace the activation runs for
 * @param action    the action's document id ({@code ns/pkg/name})
 * @param revision  changes whenever the action is updated
 */
public record ActionKey(String namespace, String action, String revision) {
}
