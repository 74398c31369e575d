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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Executes a {@link SyncPlan} against one target, step after step, on the calling thread (which blocks on the
 * network: not the FX thread). Each write is a PUT with {@code overwrite=true}, so running a plan again updates
 * what the last run created. A rule is also set active; a trigger's feed is (re)created by invoking the feed action
 * with {@code lifecycleEvent} DELETE, whose failure for a new trigger is expected, then CREATE.
 * <p>
 * A step the platform refuses is recorded with the platform's message, and the run goes on; a step that needs a
 * failed or skipped step (an action in a failed package, a sequence with a failed component, a rule on a failed
 * trigger) is skipped with a message saying which. Cancellation is checked before each step; a cancelled run
 * returns what was done and what was not. When the target cannot be reached at all, the run stops rather than
 * waiting out a timeout per step.
 */
public final class SyncRun {
    /** How long a feed action may take to answer. */
    static final Duration FEED_TIMEOUT = Duration.ofSeconds(30);

    private final OpenWhiskClient client;
    private final String auth;
    private String resolvedNamespace;

    /**
     * @param client the target's client (the caller closes it)
     * @param auth   the target's key, which a feed needs to fire the trigger; used for nothing else
     */
    public SyncRun(OpenWhiskClient client, String auth) {
        this.client = client;
        this.auth = auth;
    }

    public SyncResult execute(SyncPlan plan, SyncListener listener, BooleanSupplier cancelled) {
        SyncListener hear = listener == null ? SyncListener.NONE : listener;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        List<StepResult> results = new ArrayList<>();
        Map<String, StepResult> byId = new HashMap<>();
        int total = plan.size();
        boolean wasCancelled = false;
        String stopReason = null;
        int index = 0;
        for (; index < total; index++) {
            if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                wasCancelled = true;
                break;
            }
            SyncStep step = plan.steps().get(index);
            hear.started(index, total, step);
            StepResult result = blockedBy(step, byId);
            if (result == null) {
                try {
                    send(step);
                    result = StepResult.done(step);
                } catch (OpenWhiskException e) {
                    result = new StepResult(step, StepStatus.FAILED, e.error(), e.status());
                } catch (IOException e) {
                    if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        result = new StepResult(step, StepStatus.FAILED,
                                "Cancelled while it was being sent: it may or may not have been applied.", 0);
                        wasCancelled = true;
                    } else {
                        result = new StepResult(step, StepStatus.FAILED, describe(e), 0);
                        if (isUnreachable(e)) {
                            stopReason = "the target cannot be reached";
                        }
                    }
                } catch (RuntimeException e) {
                    result = new StepResult(step, StepStatus.FAILED, String.valueOf(e.getMessage()), 0);
                }
            }
            results.add(result);
            byId.put(step.id(), result);
            hear.finished(index, total, result);
            if (wasCancelled || stopReason != null) {
                index++;
                break;
            }
        }
        List<SyncStep> notRun = plan.steps().subList(Math.min(index, total), total);
        return new SyncResult(results, notRun, plan.warnings(), wasCancelled, stopReason);
    }

    /** A skip result when a step this one needs did not succeed, else null. */
    private static StepResult blockedBy(SyncStep step, Map<String, StepResult> byId) {
        for (String need : step.dependsOn()) {
            StepResult before = byId.get(need);
            if (before != null && !before.ok()) {
                SyncStep needed = before.step();
                return new StepResult(step, StepStatus.SKIPPED, "Skipped: it needs the " + needed.kind().word() + " "
                        + needed.name() + ", which " + (before.status() == StepStatus.FAILED ? "failed" : "was skipped")
                        + ".", 0);
            }
        }
        return null;
    }

    private void send(SyncStep step) throws IOException {
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

    private static boolean isUnreachable(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof SocketTimeoutException;
    }

    private static String describe(IOException e) {
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
