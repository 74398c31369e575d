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
 * {@code lifecycleEvent} DELETE, whose failure for a new trigger is expected, then CREATE; a CREATE that fails
 * after the DELETE removed a registration says so, since the trigger is then fed by nothing. Blocks on the network.
 */
public final class StepWriter {
    /** How long a feed action may take to answer. */
    static final Duration FEED_TIMEOUT = Duration.ofSeconds(30);
    /**
     * In a feed step's body: the feed the trigger had on the target when it differs from the step's, so that its
     * registration is the one deleted before the CREATE.
     */
    public static final String PREVIOUS_FEED = "previousFeed";
    /** In a feed step's body: true when the step only unregisters the trigger from {@code feed}. */
    public static final String UNREGISTER = "unregister";

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
        String triggerName = "/" + namespaceOf(step) + "/" + step.name();
        if (body.path(UNREGISTER).asBoolean(false)) {
            unregister(body.path("feed").asText(), triggerName);
            return;
        }
        String feed = body.path("feed").asText();
        String[] parts = feedParts(feed);
        // the registration to replace: with the feed the trigger had, which may not be this one
        String previous = body.path(PREVIOUS_FEED).asText(feed);
        String[] old = feedParts(previous);
        Invocation deleted = invokeFeed(old[0], old[1], "DELETE", triggerName, null);
        boolean removedOld = succeeded(deleted);
        Invocation created = invokeFeed(parts[0], parts[1], "CREATE", triggerName, body.path("parameters"));
        if (!created.finished()) {
            throw new OpenWhiskException(created.status(), "The feed " + feed + " did not answer within "
                    + FEED_TIMEOUT.toSeconds() + " s: it may have succeeded: check the trigger.", null);
        }
        if (!succeeded(created)) {
            JsonNode response = created.record().path("response");
            String error = response.path("result").path("error").asText("");
            String refused = "The feed " + feed + " did not accept the trigger" + (error.isBlank() ? "." : ": " + error);
            throw new OpenWhiskException(created.status(), removedOld
                    ? refused + (error.isBlank() || error.endsWith(".") ? "" : ".") + " Its earlier registration with "
                    + previous + " was deleted first, so the trigger has no feed now."
                    : refused, null);
        }
    }

    /**
     * Asks a feed to forget a trigger ({@code lifecycleEvent} DELETE). A feed that does not know the trigger (any
     * more) is what is wanted; a feed that cannot be invoked is an exception.
     *
     * @param feed        {@code /namespace/package/feed}
     * @param triggerName {@code /namespace/trigger}
     */
    public void unregister(String feed, String triggerName) throws IOException {
        String[] parts = feedParts(feed);
        invokeFeed(parts[0], parts[1], "DELETE", triggerName, null);
    }

    private static boolean succeeded(Invocation invocation) {
        return invocation.status() == 200 && invocation.record() != null
                && invocation.record().path("response").path("success").asBoolean(false);
    }

    private static String[] feedParts(String feed) {
        String[] parts = feed.startsWith("/") ? feed.substring(1).split("/", 2) : new String[0];
        if (parts.length < 2) {
            throw new IllegalArgumentException("'" + feed + "' is not a feed action (/namespace/package/feed)");
        }
        return parts;
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
