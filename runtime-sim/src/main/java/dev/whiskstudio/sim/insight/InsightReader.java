package dev.whiskstudio.sim.insight;

import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.controller.Entities;
import dev.whiskstudio.sim.controller.Identity;
import dev.whiskstudio.sim.controller.ListPage;
import dev.whiskstudio.sim.store.ActivationStore;
import dev.whiskstudio.sim.store.ActivationWriter;
import dev.whiskstudio.sim.store.StoredInsight;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads stored insights for a key, checked as the activation API checks its reads: the key's own namespaces only
 * (403 otherwise), a well-formed id, the platform's messages for bad query values. Every read first waits for the
 * records already handed to the writer, so an activation whose answer or event a client has seen is there.
 */
final class InsightReader {
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    private static final Pattern ACTIVATION_ID = Pattern.compile("[0-9a-f]{32}");
    private static final long READ_YOUR_WRITES_MS = 5000;

    private final ActivationStore store;
    private final ActivationWriter writer;

    InsightReader(ActivationStore store, ActivationWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** The insight object, with its params, of one activation; 404 when there is none. */
    String insight(Identity who, String ns, String id) {
        String namespace = ownNamespace(who, ns);
        if (id.length() != 32) {
            throw ApiException.badRequest(Messages.activationIdLength(id.length()));
        }
        if (!ACTIVATION_ID.matcher(id).matches()) {
            throw ApiException.badRequest(Messages.ACTIVATION_ID_ILLEGAL);
        }
        writer.awaitQueued(READ_YOUR_WRITES_MS);
        return store.getInsight(namespace, id).map(InsightReader::withParams).orElseThrow(ApiException::notFound);
    }

    /** A JSON array of insight objects, with params, newest first. */
    String insights(Identity who, String ns, String sinceText, String uptoText, String limitText) {
        String namespace = ownNamespace(who, ns);
        int limit = ListPage.parse(limitText, null, "insight", DEFAULT_LIMIT, MAX_LIMIT).limit();
        long since = epoch("since", sinceText);
        long upto = epoch("upto", uptoText);
        writer.awaitQueued(READ_YOUR_WRITES_MS);
        List<StoredInsight> rows = store.listInsights(namespace, since, upto, limit);
        StringBuilder out = new StringBuilder(rows.size() * 300 + 2).append('[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(withParams(rows.get(i)));
        }
        return out.append(']').toString();
    }

    /**
     * The namespaces whose events a key sees: all of its own, or the one named ({@code _} meaning its default), which
     * it must own.
     */
    static Set<String> visibleNamespaces(Identity who, String ns) {
        if (ns == null || ns.isEmpty()) {
            return new LinkedHashSet<>(who.namespaces());
        }
        return Set.of(ownNamespace(who, ns));
    }

    private static String ownNamespace(Identity who, String ns) {
        String namespace = who.resolve(ns);
        Entities.checkNamespace(namespace);
        if (!who.owns(namespace)) {
            throw ApiException.forbiddenOn(namespace);
        }
        return namespace;
    }

    private static String withParams(StoredInsight row) {
        return JsonText.withField(row.insightJson(), "params", row.paramsJson());
    }

    private static long epoch(String param, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the platform's message
        }
        throw ApiException.badRequest(Messages.malformedQuery(param, Messages.badEpoch(text)));
    }
}
