package dev.whiskstudio.sim.invoker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.entity.ActivationStatus;

/**
 * An activation that did not succeed: its status, its result (usually {@code {"error": ...}}), and whether the
 * container must go (it timed out, crashed, or is otherwise not to be trusted again).
 */
record ActivationFailure(ActivationStatus status, JsonNode result, boolean destroyContainer, boolean timedOut) {
}
