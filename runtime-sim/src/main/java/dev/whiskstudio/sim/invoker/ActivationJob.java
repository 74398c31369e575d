package dev.whiskstudio.sim.invoker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.entity.ActionLimits;
import dev.whiskstudio.sim.entity.Exec;
import dev.whiskstudio.sim.entity.QualifiedName;

/**
 * One activation to run.
 *
 * @param activationId   the id given to the caller
 * @param namespace      the namespace it runs for (the caller's)
 * @param subject        who invoked it
 * @param apiKey         the caller's key, passed to the action only when it asks for it ({@code provide-api-key})
 * @param action         where the action really lives (after bindings)
 * @param actionVersion  its version
 * @param revision       changes when the action is updated (warm containers are per revision)
 * @param parameters     the merged parameters it receives
 * @param cause          the activation that caused this one (a sequence, a trigger), or null
 * @param causedBy       {@code sequence} for a sequence's component (the record's {@code causedBy}), else null
 * @param binding        the package binding ({@code ns/name}) the action was invoked through, else null
 */
public record ActivationJob(String activationId, String namespace, String subject, String apiKey, QualifiedName action,
                            String actionVersion, String revision, Exec exec, ActionLimits limits, boolean publish,
                            ObjectNode parameters, String cause, String causedBy, String transactionId, String binding) {
}
