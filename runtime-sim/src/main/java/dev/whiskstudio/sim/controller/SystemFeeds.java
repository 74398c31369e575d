package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.plugin.FeedContext;
import dev.whiskstudio.plugin.FeedLifecycle;
import dev.whiskstudio.plugin.FeedProvider;
import dev.whiskstudio.sim.entity.ActionLimits;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.QualifiedName;
import dev.whiskstudio.sim.store.StoredEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The feeds plugins provide, as the platform has them: a published package per provider in the system namespace
 * (such as {@code /whisk.system/alarms}) holding one feed action per feed. Invoking a feed action with a
 * {@code lifecycleEvent} is served by the plugin, which then fires the trigger through this class.
 */
public final class SystemFeeds implements FeedContext {
    private static final Logger LOG = LoggerFactory.getLogger(SystemFeeds.class);
    private static final String FEED_KIND = "nodejs:20";

    private final List<FeedProvider> providers;
    private final Entities entities;
    private final Authenticator auth;
    private final FeedTimer timer;
    private final ObjectMapper json;
    private TriggerFiring triggers;

    public SystemFeeds(List<FeedProvider> providers, Entities entities, Authenticator auth, FeedTimer timer,
                       ObjectMapper json) {
        this.providers = List.copyOf(providers);
        this.entities = entities;
        this.auth = auth;
        this.timer = timer;
        this.json = json;
    }

    /** Trigger firing comes from the controller built after this one. */
    public void connect(TriggerFiring firing) {
        this.triggers = firing;
    }

    /** Makes sure each provider's package and feed actions exist, so clients can list and use them. */
    public void install() {
        for (FeedProvider p : providers) {
            QualifiedName pkg = QualifiedName.parse(p.packageName(), null);
            QualifiedName pkgName = new QualifiedName(pkg.namespace(), null, pkg.name());
            if (entities.store().get(pkgName).isEmpty()) {
                ObjectNode doc = base(pkgName);
                doc.put("publish", true);
                doc.putObject("binding");
                doc.putArray("annotations").addObject().put("key", "description")
                        .put("value", "Feeds served by the simulator's " + pkg.name() + " plugin");
                entities.save(Collection.PACKAGES, pkgName, doc, null);
            }
            for (String feed : p.feeds()) {
                QualifiedName action = new QualifiedName(pkg.namespace(), pkg.name(), feed);
                if (entities.store().get(action).isEmpty()) {
                    ObjectNode doc = base(action);
                    ArrayNode annotations = doc.putArray("annotations");
                    annotations.addObject().put("key", "feed").put("value", true);
                    annotations.addObject().put("key", "exec").put("value", FEED_KIND);
                    ObjectNode exec = doc.putObject("exec");
                    exec.put("kind", FEED_KIND);
                    exec.put("code", "// the " + feed + " feed is served by the simulator itself");
                    exec.put("binary", false);
                    doc.set("limits", ActionLimits.defaults(entities.limits()).toJson());
                    entities.save(Collection.ACTIONS, action, doc, null);
                }
            }
        }
    }

    private static ObjectNode base(QualifiedName name) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("namespace", name.path());
        doc.put("name", name.name());
        doc.put("version", "0.0.1");
        doc.put("publish", false);
        doc.putArray("parameters");
        return doc;
    }

    /** The provider serving an action, if it is a feed action. */
    Optional<FeedProvider> providerOf(StoredEntity action) {
        QualifiedName n = action.name();
        if (n.pkg() == null) {
            return Optional.empty();
        }
        String pkg = "/" + n.namespace() + "/" + n.pkg();
        return providers.stream().filter(p -> p.packageName().equals(pkg) && p.feeds().contains(n.name())).findFirst();
    }

    /**
     * Serves a feed action's invocation: {@code lifecycleEvent} CREATE, READ, UPDATE, DELETE, PAUSE or UNPAUSE for
     * {@code triggerName}. The record is the feed action's, successful, or an application error with the
     * provider's message.
     */
    CompletableFuture<ActivationRecord> invoke(Identity who, ActionController.ResolvedAction resolved,
                                               FeedProvider provider, ObjectNode payload, String activationId,
                                               String cause) {
        long start = System.currentTimeMillis();
        StoredEntity action = resolved.action();
        ObjectNode params = dev.whiskstudio.sim.entity.KeyValues.toObject(dev.whiskstudio.sim.entity.KeyValues.merge(
                resolved.inheritedParameters(), action.doc().get("parameters")));
        payload.fields().forEachRemaining(f -> params.set(f.getKey(), f.getValue()));
        String feed = action.name().name();
        ActivationStatus status = ActivationStatus.SUCCESS;
        JsonNode result = JsonNodeFactory.instance.objectNode();
        try {
            String event = params.path("lifecycleEvent").asText("").toUpperCase(Locale.ROOT);
            String trigger = triggerName(params.path("triggerName").asText(""), who);
            Map<String, Object> feedParams = plain(params);
            switch (event) {
                case "CREATE" -> provider.create(feed, trigger, feedParams, this);
                case "UPDATE" -> provider.update(feed, trigger, feedParams);
                case "READ" -> result = json.valueToTree(provider.read(feed, trigger));
                case "DELETE" -> provider.change(feed, trigger, FeedLifecycle.DELETE);
                case "PAUSE" -> provider.change(feed, trigger, FeedLifecycle.PAUSE);
                case "UNPAUSE" -> provider.change(feed, trigger, FeedLifecycle.UNPAUSE);
                default -> throw new IllegalArgumentException("unsupported lifecycleEvent");
            }
        } catch (IllegalArgumentException e) {
            status = ActivationStatus.APPLICATION_ERROR;
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.put("error", e.getMessage());
            result = error;
        }
        ArrayNode annotations = JsonNodeFactory.instance.arrayNode();
        annotations.addObject().put("key", "path").put("value", action.name().docId());
        annotations.addObject().put("key", "kind").put("value", FEED_KIND);
        long end = Math.max(System.currentTimeMillis(), start);
        return CompletableFuture.completedFuture(new ActivationRecord(who.namespace(), action.name().pkg(),
                action.name().name(), action.doc().path("version").asText(), who.subject(), activationId, start, end,
                false, List.of(), status, result, annotations, cause));
    }

    /** {@code /ns/name}, with {@code _} and a missing namespace meaning the caller's. */
    private static String triggerName(String given, Identity who) {
        if (given.isBlank()) {
            throw new IllegalArgumentException("no trigger name parameter was provided");
        }
        QualifiedName n = QualifiedName.parse(given, who.namespace());
        String ns = "_".equals(n.namespace()) ? who.namespace() : n.namespace();
        return "/" + ns + "/" + n.name();
    }

    private Map<String, Object> plain(ObjectNode params) {
        Map<String, Object> out = new HashMap<>();
        params.fields().forEachRemaining(f -> out.put(f.getKey(), json.convertValue(f.getValue(), Object.class)));
        return out;
    }

    @Override
    public void fire(String triggerName, Map<String, Object> payload) {
        try {
            QualifiedName n = QualifiedName.parse(triggerName, null);
            Identity owner = auth.ownerOf(n.namespace()).orElse(null);
            if (owner == null || triggers == null) {
                LOG.warn("feed cannot fire {}: no such namespace", triggerName);
                return;
            }
            triggers.fire(owner, n.namespace(), n.name(), json.valueToTree(payload), Map.of());
        } catch (RuntimeException e) {
            LOG.info("feed could not fire {}: {}", triggerName, e.getMessage());
        }
    }

    @Override
    public java.time.Clock clock() {
        return timer.clock();
    }

    @Override
    public Scheduled schedule(Instant at, Runnable task) {
        return timer.schedule(at, task);
    }
}
