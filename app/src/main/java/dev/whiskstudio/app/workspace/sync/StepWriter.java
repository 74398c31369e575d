package dev.whiskstudio.app.workspace.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.Invocation;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/**
 * Writes one {@link SyncStep} to a target: the requests a step stands for, shared by {@link SyncRun} and the
 * deploy. A rule is also set active; a trigger's feed is (re)created by invoking the feed action with
 * {@code lifecycleEvent} DELETE, whose failure for a new trigger is expected, then CREATE. Blocks on the network.
 */
public final class StepWriter {
    /** How long a feed action may take to answer. */
    static final Duration FEED_TIMEOUT = Duration.ofSeconds(30);

    private final OpenWhiskClient client;
    private final String auth;
    private String resolvedNamespace;

    /**
     * @param client the target's client (the caller closes it)
     * @param auth   the target's key, which a feed needs to fire the trigger; used for nothing else
     */
    public StepWriter(OpenWhiskClient client, String auth) {
        this.client = client;
        this.auth = auth;
    }

    /** Sends one step: a PUT (with {@code overwrite=true}), for a rule also its activation, for a feed its (re)creation. */
    public void write(SyncStep step) throws IOException {
        String ns = step.namespace();
        switch (step.kind()) {
            case PACKAGE, ACTION, SEQUENCE, TRIGGER -> client.put(ns, step.kind().collection(), step.name(), step.body(), true);
            case RULE -> {
                client.put(ns, EntityCollection.RULES, step.name(), step.body(), true);
                client.setRuleActive(ns, step.name(), true);
            }
            case FEED -> feed(step);
        }
    }

    private void feed(SyncStep step) throws IOException {
        JsonNode body = step.body();
        String feed = body.path("feed").asText();
        String[] parts = feed.substring(1).split("/", 2);
        if (parts.length < 2) {
            throw new IllegalArgumentException("'" + feed + "' is not a feed action (/namespace/package/feed)");
        }
        String triggerName = "/" + namespaceOf(step) + "/" + step.name();
        invokeFeed(parts[0], parts[1], "DELETE", triggerName, null);
        Invocation created = invokeFeed(parts[0], parts[1], "CREATE", triggerName, body.path("parameters"));
        JsonNode response = created.record() == null ? null : created.record().path("response");
        if (created.status() != 200 || response == null || !response.path("success").asBoolean(false)) {
            String error = response == null ? "" : response.path("result").path("error").asText("");
            throw new OpenWhiskException(created.status(), error.isBlank()
                    ? "The feed " + feed + " did not accept the trigger." : error, null);
        }
    }

    private Invocation invokeFeed(String feedNamespace, String feedAction, String event, String triggerName,
                                  JsonNode parameters) throws IOException {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        if (parameters != null && parameters.isObject()) {
            payload.setAll((ObjectNode) parameters.deepCopy());
        }
        payload.put("lifecycleEvent", event);
        payload.put("triggerName", triggerName);
        payload.put("authKey", auth);
        return client.invoke(feedNamespace, feedAction, payload, true, FEED_TIMEOUT);
    }

    /** A feed needs the trigger's real namespace; {@code _} is asked of the platform once. */
    private String namespaceOf(SyncStep step) throws IOException {
        if (!"_".equals(step.namespace())) {
            return step.namespace();
        }
        if (resolvedNamespace == null) {
            List<String> namespaces = client.namespaces();
            resolvedNamespace = namespaces.isEmpty() ? "_" : namespaces.get(0);
        }
        return resolvedNamespace;
    }

    /** The target is not there at all (as opposed to answering with an error). */
    public static boolean isUnreachable(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof SocketTimeoutException;
    }

    /** A sentence for a failure to reach or talk to the target. */
    public static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "The host " + e.getMessage() + " is not known.";
        }
        if (e instanceof ConnectException) {
            return "The target refused the connection: is it running?";
        }
        if (e instanceof SocketTimeoutException) {
            return "The target did not answer in time.";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
