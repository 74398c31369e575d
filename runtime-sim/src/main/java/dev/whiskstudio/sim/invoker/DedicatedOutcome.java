package dev.whiskstudio.sim.invoker;

import dev.whiskstudio.sim.entity.ActivationRecord;

/**
 * How an activation in a {@link DedicatedContainer} ended.
 *
 * @param record   its record
 * @param spent    whether the container must go, as the pool would destroy it: a developer error or a timeout
 * @param timedOut whether it used up its time limit
 */
public record DedicatedOutcome(ActivationRecord record, boolean spent, boolean timedOut) {
}
