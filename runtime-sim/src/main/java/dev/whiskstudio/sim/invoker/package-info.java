/**
 * The invoker: which container runs an activation ({@link dev.whiskstudio.sim.invoker.ContainerPool}), the life of
 * one container ({@link dev.whiskstudio.sim.invoker.PooledContainer}), talking to its action proxy
 * ({@link dev.whiskstudio.sim.invoker.ProxyConnection}), collecting its logs, and turning what happened into an
 * activation record ({@link dev.whiskstudio.sim.invoker.Invoker}). Beside the pool, an
 * {@link dev.whiskstudio.sim.invoker.ActivationRouter} may take activations elsewhere (a debug session), where the
 * invoker runs them in a {@link dev.whiskstudio.sim.invoker.DedicatedContainer} under the time limit an
 * {@link dev.whiskstudio.sim.invoker.ActivationClock} keeps.
 */
package dev.whiskstudio.sim.invoker;
