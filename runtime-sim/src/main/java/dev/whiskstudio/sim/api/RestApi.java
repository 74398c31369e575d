package dev.whiskstudio.sim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.controller.ActionController;
import dev.whiskstudio.sim.controller.ActivationController;
import dev.whiskstudio.sim.controller.Authenticator;
import dev.whiskstudio.sim.controller.Identity;
import dev.whiskstudio.sim.controller.Invocation;
import dev.whiskstudio.sim.controller.InvocationController;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.controller.ListPage;
import dev.whiskstudio.sim.controller.PackageController;
import dev.whiskstudio.sim.controller.RuleController;
import dev.whiskstudio.sim.controller.TriggerController;
import dev.whiskstudio.sim.controller.TriggerFiring;
import dev.whiskstudio.sim.controller.WebActionController;
import dev.whiskstudio.sim.config.SystemLimits;
import dev.whiskstudio.sim.entity.Collection;
import dev.whiskstudio.sim.entity.LimitOutOfRangeException;
import dev.whiskstudio.sim.entity.MalformedEntityException;
import dev.whiskstudio.sim.entity.UnknownKindException;
import dev.whiskstudio.sim.store.ActivationQuery;
import dev.whiskstudio.sim.store.StoredEntity;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * OpenWhisk REST API v1 over HTTP: parses requests, calls the controllers, renders JSON and maps every error to
 * the platform's status and {@code {"error","code"}} body in one place.
 */
public final class RestApi {
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    private static final String JSON = "application/json";
    /** Largest PUT body read: the largest code size, base64 encoded, plus room for the rest of the entity. */
    private static final long MAX_ENTITY_BODY = 72L * 1024 * 1024;
    private static final long MAX_BLOCKING_WAIT_MS = 60_000;
    private static final String ACTIVATION_ID_HEADER = "x-openwhisk-activation-id";

    private final ObjectMapper json;
    private final Authenticator auth;
    private final SystemLimits limits;
    private final ActionController actions;
    private final PackageController packages;
    private final TriggerController triggers;
    private final RuleController rules;
    private final ActivationController activations;
    private final InvocationController invocations;
    private final TriggerFiring triggerFiring;
    private final WebActionController webActions;
    private final boolean recordSuccessfulBlocking;

    /**
     * @param recordSuccessfulBlocking false on Adobe I/O Runtime, which stores a successful blocking activation
     *                                 only when the request carries {@code X-OW-EXTRA-LOGGING: on}
     */
    public RestApi(ObjectMapper json, Authenticator auth, SystemLimits limits, ActionController actions,
                   PackageController packages, TriggerController triggers, RuleController rules,
                   ActivationController activations, InvocationController invocations, TriggerFiring triggerFiring,
                   WebActionController webActions, boolean recordSuccessfulBlocking) {
        this.json = json;
        this.auth = auth;
        this.limits = limits;
        this.actions = actions;
        this.packages = packages;
        this.triggers = triggers;
        this.rules = rules;
        this.activations = activations;
        this.invocations = invocations;
        this.triggerFiring = triggerFiring;
        this.webActions = webActions;
        this.recordSuccessfulBlocking = recordSuccessfulBlocking;
    }

    /** Declares the routes and error mapping on a Javalin config. */
    public void install(JavalinConfig cfg) {
        cfg.router.ignoreTrailingSlashes = false;
        cfg.http.maxRequestSize = MAX_ENTITY_BODY;
        cfg.routes.before(ctx -> {
            if (!ctx.req().getRequestURI().startsWith("/api/v1/web/")) {
                corsHeaders(ctx);
            }
        });
        new WebApi(webActions, json, this::error).install(cfg);
        cfg.routes.get("/api/v1", this::info);
        cfg.routes.get("/api/v1/", this::info);
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.PUT, HandlerType.POST, HandlerType.DELETE,
                HandlerType.PATCH, HandlerType.HEAD)) {
            cfg.routes.addHttpHandler(method, "/api/v1/namespaces", this::dispatch);
            cfg.routes.addHttpHandler(method, "/api/v1/namespaces/<rest>", this::dispatch);
        }
        cfg.routes.options("/api/v1/<rest>", ctx -> ctx.status(200));
        cfg.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        cfg.routes.exception(MalformedEntityException.class, (e, ctx) ->
                error(ctx, 400, String.format(Messages.MALFORMED_CONTENT, e.getMessage())));
        cfg.routes.exception(LimitOutOfRangeException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        cfg.routes.exception(UnknownKindException.class, (e, ctx) ->
                error(ctx, 400, String.format(Messages.MALFORMED_CONTENT, Messages.invalidRuntime(e.kind(), e.valid()))));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "The server encountered an internal error.");
        });
        cfg.routes.error(404, ctx -> {
            if (ctx.res().getContentType() == null || !ctx.res().getContentType().startsWith(JSON)) {
                error(ctx, 404, Messages.ROUTE_NOT_FOUND);
            }
        });
    }

    private void info(Context ctx) {
        ObjectNode info = json.createObjectNode();
        info.put("description", "OpenWhisk API (Whisk Studio simulator)");
        info.putArray("api_paths").add("/api/v1");
        info.put("api_version", "1.0.0");
        info.put("api_version_path", "v1");
        info.put("build", "whisk-studio-sim");
        ok(ctx, info);
    }

    /** The platform answers every API call with these, so browser-based tools can call it. */
    private static void corsHeaders(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Headers",
                "Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent");
        ctx.header("Access-Control-Allow-Methods", "GET, DELETE, POST, PUT, HEAD");
    }

    private void dispatch(Context ctx) throws IOException {
        Identity who;
        try {
            who = auth.authenticate(ctx.header("Authorization"));
        } catch (ApiException e) {
            ctx.header("WWW-Authenticate", "Basic realm=\"OpenWhisk secure realm\"");
            throw e;
        }
        ApiPath path = ApiPath.parse(ctx.req().getRequestURI());
        if (path == null) {
            throw ApiException.notFound();
        }
        String method = ctx.req().getMethod();
        if (path.size() == 0) {
            requireMethod(method, "GET");
            ArrayNode list = json.createArrayNode();
            who.namespaces().forEach(list::add);
            ok(ctx, list);
            return;
        }
        String ns = path.get(0);
        if (path.size() == 1) {
            throw ApiException.notFound();
        }
        String collection = path.get(1);
        if ("limits".equals(collection) && path.size() == 2) {
            requireMethod(method, "GET");
            ok(ctx, limitsOf(who, ns));
            return;
        }
        if ("activations".equals(collection)) {
            activationRoute(ctx, who, ns, path);
            return;
        }
        Collection c = Collection.fromPath(collection);
        if (c == null) {
            throw ApiException.notFound();
        }
        if (path.size() == 2 || (path.size() == 3 && path.get(2).isEmpty())) {
            requireMethod(method, "GET");
            list(ctx, who, ns, c, null);
            return;
        }
        if (c == Collection.ACTIONS && path.size() == 4) {
            String pkg = path.get(2);
            if (path.get(3).isEmpty()) {
                requireMethod(method, "GET");
                list(ctx, who, ns, c, pkg);
            } else {
                actionRoute(ctx, who, ns, pkg, path.get(3));
            }
            return;
        }
        if (path.size() != 3) {
            throw ApiException.notFound();
        }
        String name = path.get(2);
        switch (c) {
            case ACTIONS -> actionRoute(ctx, who, ns, null, name);
            case PACKAGES -> packageRoute(ctx, who, ns, name);
            case TRIGGERS -> triggerRoute(ctx, who, ns, name);
            case RULES -> ruleRoute(ctx, who, ns, name);
            default -> throw ApiException.notFound();
        }
    }

    /** {@code GET /namespaces/{ns}/limits}: the limits that apply to the namespace, as the platform reports them. */
    private ObjectNode limitsOf(Identity who, String ns) {
        String namespace = who.resolve(ns);
        if (!who.owns(namespace)) {
            throw ApiException.forbiddenOn(namespace);
        }
        ObjectNode out = json.createObjectNode();
        out.put("concurrentInvocations", limits.concurrentInvocations());
        out.put("invocationsPerMinute", limits.invocationsPerMinute());
        out.put("firesPerMinute", limits.invocationsPerMinute());
        out.put("minActionMemory", limits.memoryMb().min());
        out.put("maxActionMemory", limits.memoryMb().max());
        out.put("minActionLogs", limits.logsMb().min());
        out.put("maxActionLogs", limits.logsMb().max());
        out.put("minActionTimeout", limits.timeoutMs().min());
        out.put("maxActionTimeout", limits.timeoutMs().max());
        out.put("minActionConcurrency", limits.concurrency().min());
        out.put("maxActionConcurrency", limits.concurrency().max());
        out.put("maxParameterSize", limits.parameterBytes() + " B");
        return out;
    }

    private void actionRoute(Context ctx, Identity who, String ns, String pkg, String name) throws IOException {
        switch (ctx.req().getMethod()) {
            case "GET" -> ok(ctx, actions.get(who, ns, pkg, name, !"false".equalsIgnoreCase(ctx.queryParam("code"))));
            case "PUT" -> ok(ctx, actions.put(who, ns, pkg, name, entityBody(ctx), overwrite(ctx)));
            case "DELETE" -> ok(ctx, actions.delete(who, ns, pkg, name));
            case "POST" -> invoke(ctx, who, ns, pkg, name);
            default -> throw methodNotAllowed("GET, PUT, POST, DELETE");
        }
    }

    /**
     * {@code POST /actions/...}: non-blocking answers 202 with the id at once; blocking waits up to {@code timeout}
     * ms for the record (200, or 502 when the action failed, 500 for a whisk error), then answers 202 and lets the
     * activation go on.
     */
    private void invoke(Context ctx, Identity who, String ns, String pkg, String name) throws IOException {
        invocations.charge(who);
        boolean blocking = "true".equalsIgnoreCase(ctx.queryParam("blocking"));
        boolean resultOnly = "true".equalsIgnoreCase(ctx.queryParam("result"));
        long waitMs = blockingTimeout(ctx.queryParam("timeout"));
        JsonNode payload = invocationBody(ctx);
        boolean extraLogging = "on".equalsIgnoreCase(ctx.header("X-OW-EXTRA-LOGGING"));
        InvocationController.RecordPolicy policy = blocking && !recordSuccessfulBlocking && !extraLogging
                ? r -> r.status() != ActivationStatus.SUCCESS : InvocationController.RecordPolicy.ALL;
        Invocation invocation = invocations.start(who, ns, pkg, name, payload, policy, blocking ? waitMs : 0);
        ctx.header(ACTIVATION_ID_HEADER, invocation.activationId());
        if (!blocking) {
            accepted(ctx, invocation.activationId());
            return;
        }
        // the wait does not count time in which a debugger held the activation paused
        CompletableFuture<ActivationRecord> outcome = invocations.awaitRecord(invocation, waitMs);
        Outcomes.answer(ctx, outcome, record -> answerBlocking(ctx, invocation, record, resultOnly));
    }

    /** A blocking invoke's answer: the record's (200, 502 when the action failed, 500), or 202 when none came in time. */
    private void answerBlocking(Context ctx, Invocation invocation, ActivationRecord record, boolean resultOnly) {
        if (record == null) {
            accepted(ctx, invocation.activationId());
            return;
        }
        int status = switch (record.status()) {
            case SUCCESS -> 200;
            case APPLICATION_ERROR, DEVELOPER_ERROR -> 502;
            case WHISK_ERROR -> 500;
        };
        respond(ctx, status, resultOnly ? record.response().get("result") : withoutLogs(record));
    }

    /**
     * The platform's invoker answers a blocking call before it collects the logs, so they are in the stored record,
     * not here. A sequence's or conductor's record is the controller's own, with its component ids as logs.
     */
    private static ObjectNode withoutLogs(ActivationRecord record) {
        ObjectNode body = record.toJson();
        JsonNode kind = dev.whiskstudio.sim.entity.KeyValues.get(record.annotations(), "kind");
        if (kind == null || !"sequence".equals(kind.asText())) {
            body.putArray("logs");
        }
        return body;
    }

    private void accepted(Context ctx, String activationId) {
        ObjectNode body = json.createObjectNode();
        body.put("activationId", activationId);
        respond(ctx, 202, body);
    }

    /** The {@code timeout} of a blocking invocation: 1 to 60000 ms, 60000 when absent. */
    private static long blockingTimeout(String text) {
        if (text == null) {
            return MAX_BLOCKING_WAIT_MS;
        }
        try {
            long ms = Long.parseLong(text.trim());
            if (ms >= 1 && ms <= MAX_BLOCKING_WAIT_MS) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // falls through to the platform's message
        }
        throw ApiException.badRequest(Messages.malformedQuery("timeout", Messages.invalidTimeout(MAX_BLOCKING_WAIT_MS)));
    }

    /** The parameters of an invocation: at most the payload limit (413 past it), a JSON object, or nothing. */
    private JsonNode invocationBody(Context ctx) throws IOException {
        byte[] bytes = RequestBodies.read(ctx, invocations.payloadLimitBytes());
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedEntityException(e.getOriginalMessage());
        }
    }

    private void packageRoute(Context ctx, Identity who, String ns, String name) throws IOException {
        switch (ctx.req().getMethod()) {
            case "GET" -> ok(ctx, packages.get(who, ns, name));
            case "PUT" -> ok(ctx, packages.put(who, ns, name, entityBody(ctx), overwrite(ctx)));
            case "DELETE" -> ok(ctx, packages.delete(who, ns, name, "true".equalsIgnoreCase(ctx.queryParam("force"))));
            default -> throw methodNotAllowed("GET, PUT, DELETE");
        }
    }

    private void triggerRoute(Context ctx, Identity who, String ns, String name) throws IOException {
        switch (ctx.req().getMethod()) {
            case "GET" -> ok(ctx, triggers.get(who, ns, name));
            case "PUT" -> ok(ctx, triggers.put(who, ns, name, entityBody(ctx), overwrite(ctx)));
            case "DELETE" -> ok(ctx, triggers.delete(who, ns, name));
            case "POST" -> fire(ctx, who, ns, name);
            default -> throw methodNotAllowed("GET, PUT, POST, DELETE");
        }
    }

    /** {@code POST /triggers/NAME}: 202 with the trigger activation's id, or 204 when no rule is active. */
    private void fire(Context ctx, Identity who, String ns, String name) throws IOException {
        JsonNode payload = invocationBody(ctx);
        java.util.Map<String, String> headers = new java.util.TreeMap<>();
        for (String header : java.util.Collections.list(ctx.req().getHeaderNames())) {
            headers.put(header.toLowerCase(Locale.ROOT), ctx.req().getHeader(header));
        }
        java.util.Optional<String> fired = triggerFiring.fire(who, ns, name, payload, headers);
        if (fired.isEmpty()) {
            ctx.status(204);
            return;
        }
        ctx.header(ACTIVATION_ID_HEADER, fired.get());
        accepted(ctx, fired.get());
    }

    private void ruleRoute(Context ctx, Identity who, String ns, String name) throws IOException {
        switch (ctx.req().getMethod()) {
            case "GET" -> ok(ctx, rules.get(who, ns, name));
            case "PUT" -> ok(ctx, rules.put(who, ns, name, entityBody(ctx), overwrite(ctx)));
            case "DELETE" -> ok(ctx, rules.delete(who, ns, name));
            case "POST" -> {
                rules.setStatus(who, ns, name, entityBody(ctx));
                ctx.status(200).contentType("text/plain; charset=UTF-8").result("OK");
            }
            default -> throw methodNotAllowed("GET, PUT, POST, DELETE");
        }
    }

    private void list(Context ctx, Identity who, String ns, Collection c, String pkg) {
        ListPage page = ListPage.parse(ctx.queryParam("limit"), ctx.queryParam("skip"), c.path(),
                limits.entityListDefault(), limits.entityListMax());
        List<StoredEntity> all;
        Function<ObjectNode, ObjectNode> view;
        switch (c) {
            case ACTIONS -> {
                all = actions.list(who, ns, pkg);
                view = ActionController::summary;
            }
            case PACKAGES -> {
                all = packages.list(who, ns);
                view = PackageController::summary;
            }
            case TRIGGERS -> {
                all = triggers.list(who, ns);
                view = dev.whiskstudio.sim.controller.Entities::summary;
            }
            default -> {
                all = rules.list(who, ns);
                view = RuleController::summary;
            }
        }
        if ("true".equalsIgnoreCase(ctx.queryParam("count"))) {
            ObjectNode count = json.createObjectNode();
            count.put(c.path(), Math.max(0, all.size() - page.skip()));
            ok(ctx, count);
            return;
        }
        ArrayNode out = json.createArrayNode();
        all.stream().skip(page.skip()).limit(page.limit()).forEach(e -> out.add(view.apply(e.doc())));
        ok(ctx, out);
    }

    private void activationRoute(Context ctx, Identity who, String ns, ApiPath path) {
        requireMethod(ctx.req().getMethod(), "GET");
        if (path.size() == 2 || (path.size() == 3 && path.get(2).isEmpty())) {
            boolean docs = "true".equalsIgnoreCase(ctx.queryParam("docs"));
            boolean count = "true".equalsIgnoreCase(ctx.queryParam("count"));
            if (docs && count) {
                throw ApiException.badRequest(Messages.DOCS_NOT_ALLOWED_WITH_COUNT);
            }
            ActivationQuery q = activations.query(who, ns, ctx.queryParam("name"), ctx.queryParam("limit"),
                    ctx.queryParam("skip"), ctx.queryParam("since"), ctx.queryParam("upto"), docs);
            if (count) {
                ObjectNode out = json.createObjectNode();
                out.put("activations", activations.count(q));
                ok(ctx, out);
                return;
            }
            List<String> rows = activations.list(q);
            StringBuilder body = new StringBuilder(rows.size() * 400 + 2).append('[');
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    body.append(',');
                }
                body.append(rows.get(i));
            }
            ctx.status(200).contentType(JSON).result(body.append(']').toString());
            return;
        }
        String id = path.get(2);
        if (path.size() == 3) {
            ctx.status(200).contentType(JSON).result(activations.get(who, ns, id));
        } else if (path.size() == 4 && "logs".equals(path.get(3))) {
            ok(ctx, activations.logs(who, ns, id));
        } else if (path.size() == 4 && "result".equals(path.get(3))) {
            ok(ctx, activations.result(who, ns, id));
        } else {
            throw ApiException.notFound();
        }
    }

    private static boolean overwrite(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam("overwrite"));
    }

    /**
     * The JSON body of a PUT or POST: empty means {@code {}}; anything but JSON is refused as the platform refuses it.
     */
    private JsonNode entityBody(Context ctx) throws IOException {
        byte[] bytes = RequestBodies.read(ctx, MAX_ENTITY_BODY);
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new ApiException(415, Messages.unsupportedContentType(type == null ? "application/octet-stream" : type));
        }
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedEntityException(e.getOriginalMessage());
        }
    }

    private static void requireMethod(String actual, String allowed) {
        if (!allowed.equals(actual)) {
            throw methodNotAllowed(allowed);
        }
    }

    private static ApiException methodNotAllowed(String allowed) {
        return new ApiException(405, String.format(Messages.METHOD_NOT_ALLOWED, allowed));
    }

    private void ok(Context ctx, JsonNode body) {
        respond(ctx, 200, body);
    }

    private void respond(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType(JSON).result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renders an error the platform's way; every failure of the API goes through here. */
    private void error(Context ctx, int status, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("error", message);
        body.put("code", transactionId());
        try {
            ctx.status(status).contentType(JSON).result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            ctx.status(status).result(message);
        }
    }

    static String transactionId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }
}
