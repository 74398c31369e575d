package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.config.SystemLimits;
import dev.whiskstudio.sim.entity.EntityName;
import dev.whiskstudio.sim.store.ActivationQuery;
import dev.whiskstudio.sim.store.ActivationStore;
import dev.whiskstudio.sim.store.ActivationWriter;
import dev.whiskstudio.sim.store.StoreException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reading activation records: list with the platform's filters, one record, its logs, its result. Every read first
 * waits for the records already handed to the writer, so an activation whose answer a client has seen is there.
 */
public final class ActivationController {
    private static final Pattern ACTIVATION_ID = Pattern.compile("[0-9a-f]{32}");

    /** A read waits at most this long for records still being stored. */
    private static final long READ_YOUR_WRITES_MS = 5000;

    private final ActivationStore store;
    private final ActivationWriter writer;
    private final SystemLimits limits;
    private final ObjectMapper json;

    public ActivationController(ActivationStore store, ActivationWriter writer, SystemLimits limits, ObjectMapper json) {
        this.store = store;
        this.writer = writer;
        this.limits = limits;
        this.json = json;
    }

    /** The query a list request asks for, checked as the platform checks it. */
    public ActivationQuery query(Identity who, String ns, String name, String limit, String skip, String since,
                                 String upto, boolean docs) {
        String namespace = ownNamespace(who, ns);
        ListPage page = ListPage.parse(limit, skip, "activations", limits.activationListDefault(), limits.activationListMax());
        return new ActivationQuery(namespace, nameFilter(name), epoch("since", since), epoch("upto", upto), page.skip(), page.limit(), docs);
    }

    /** JSON texts of the matching records (summaries unless {@code docs}). */
    public List<String> list(ActivationQuery q) {
        writer.awaitQueued(READ_YOUR_WRITES_MS);
        return store.list(q);
    }

    public long count(ActivationQuery q) {
        writer.awaitQueued(READ_YOUR_WRITES_MS);
        return store.count(q);
    }

    public String get(Identity who, String ns, String id) {
        String namespace = ownNamespace(who, ns);
        if (id.length() != 32) {
            throw ApiException.badRequest(Messages.activationIdLength(id.length()));
        }
        if (!ACTIVATION_ID.matcher(id).matches()) {
            throw ApiException.badRequest(Messages.ACTIVATION_ID_ILLEGAL);
        }
        writer.awaitQueued(READ_YOUR_WRITES_MS);
        return store.get(namespace, id).orElseThrow(ApiException::notFound);
    }

    /** {@code {"logs":[...]}}. */
    public ObjectNode logs(Identity who, String ns, String id) {
        JsonNode record = parse(get(who, ns, id));
        ObjectNode out = json.createObjectNode();
        out.set("logs", record.has("logs") ? record.get("logs") : json.createArrayNode());
        return out;
    }

    /** The record's response: {@code status}, {@code statusCode}, {@code success}, {@code result}. */
    public JsonNode result(Identity who, String ns, String id) {
        return parse(get(who, ns, id)).path("response");
    }

    private String ownNamespace(Identity who, String ns) {
        String namespace = who.resolve(ns);
        Entities.checkNamespace(namespace);
        if (!who.owns(namespace)) {
            throw ApiException.forbiddenOn(namespace);
        }
        return namespace;
    }

    private static String nameFilter(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        // the platform drops a leading slash and empty segments
        String[] parts = java.util.Arrays.stream(name.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        if (parts.length == 0) {
            return null;
        }
        if (parts.length > 2) {
            throw ApiException.badRequest(Messages.malformedQuery("name", Messages.badNameFilter(name)));
        }
        for (String p : parts) {
            if (!EntityName.isValid(p)) {
                throw ApiException.badRequest(Messages.malformedQuery("name", Messages.badNameFilter(name)));
            }
        }
        return String.join("/", parts);
    }

    private static long epoch(String param, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0) {
                throw ApiException.badRequest(Messages.malformedQuery(param, Messages.badEpoch(text)));
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(Messages.malformedQuery(param, Messages.badEpoch(text)));
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored activation is not JSON", e);
        }
    }
}
