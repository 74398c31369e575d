package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.KeyValues;
import dev.whiskstudio.sim.entity.MalformedEntityException;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.store.StoredEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fires a trigger as the platform does: with no active rule nothing happens (204); otherwise every rule is gone
 * through, each active one invokes its action (non-blocking) with the trigger's parameters merged with the
 * request's headers ({@code __ow_headers}) and payload, and the trigger gets a record (without an end) whose logs
 * hold one JSON line per rule.
 */
public final class TriggerFiring {
    private final Entities entities;
    private final InvocationController invocations;

    public TriggerFiring(Entities entities, InvocationController invocations) {
        this.entities = entities;
        this.invocations = invocations;
    }

    /**
     * @param headers the request's headers, lowercased names
     * @return the trigger activation's id, or empty when no rule was active
     */
    public Optional<String> fire(Identity who, String ns, String name, JsonNode payload, Map<String, String> headers) {
        QualifiedName qn = entities.ownedName(who, ns, null, name);
        StoredEntity trigger = entities.require(Collection.TRIGGERS, qn);
        if (payload != null && !payload.isObject()) {
            throw new MalformedEntityException("Object expected");
        }
        List<StoredEntity> rules = RuleController.rulesOf(entities.store(), qn);
        if (rules.stream().noneMatch(r -> RuleController.ACTIVE.equals(r.doc().path("status").asText()))) {
            return Optional.empty();
        }
        ObjectNode args = KeyValues.toObject(trigger.doc().get("parameters"));
        ObjectNode headerJson = args.putObject("__ow_headers");
        headers.forEach(headerJson::put);
        if (payload != null) {
            payload.fields().forEachRemaining(f -> args.set(f.getKey(), f.getValue()));
        }
        String activationId = InvocationController.newActivationId();
        long start = System.currentTimeMillis();
        List<String> logs = new ArrayList<>();
        for (StoredEntity rule : rules) {
            logs.add(activateRule(who, rule, args).toString());
        }
        ArrayNode annotations = JsonNodeFactory.instance.arrayNode();
        JsonNode result = payload == null ? JsonNodeFactory.instance.objectNode() : payload;
        invocations.store(new ActivationRecord(who.namespace(), null, qn.name(), trigger.doc().path("version").asText(),
                who.subject(), activationId, start, 0, trigger.doc().path("publish").asBoolean(), logs,
                ActivationStatus.SUCCESS, result, annotations, null), result);
        return Optional.of(activationId);
    }

    /** One rule's line in the trigger's logs: its action's activation id, or why it was not activated. */
    private ObjectNode activateRule(Identity who, StoredEntity rule, ObjectNode args) {
        QualifiedName action = RuleController.linkTarget(rule.doc().get("action"));
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("rule", rule.name().docId());
        line.put("action", action.docId());
        if (!RuleController.ACTIVE.equals(rule.doc().path("status").asText())) {
            failed(line, ActivationStatus.APPLICATION_ERROR,
                    "Rule '" + rule.name().docId() + "' is inactive, action '" + action.docId() + "' was not activated.");
            return line;
        }
        try {
            Invocation invocation = invocations.invoke(who, action.namespace(), action.pkg(), action.name(),
                    args.deepCopy(), InvocationController.RecordPolicy.ALL);
            line.put("statusCode", ActivationStatus.SUCCESS.code());
            line.put("success", true);
            line.put("activationId", invocation.activationId());
        } catch (ApiException e) {
            failed(line, e.status() >= 500 ? ActivationStatus.WHISK_ERROR : ActivationStatus.APPLICATION_ERROR, e.getMessage());
        }
        return line;
    }

    private static void failed(ObjectNode line, ActivationStatus status, String error) {
        line.put("statusCode", status.code());
        line.put("success", false);
        line.put("error", error);
    }
}
