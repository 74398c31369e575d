/**
 * The invoker: which container runs an activation ({@link dev.whiskstudio.sim.invoker.ContainerPool}), the life of
 * one container ({@link dev.whiskstudio.sim.invoker.PooledContainer}), talking to its action proxy
 * ({@link dev.whiskstudio.sim.invoker.ProxyConnection}), collecting its logs, and turning what happened into an
 * activation record ({@link dev.whiskstudio.sim.invoker.Invoker}).
 */
package dev.whiskstudio.sim.invoker;
