package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.entity.KeyValues;
import dev.whiskstudio.sim.entity.QualifiedName;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;

/**
 * Web actions, as the platform serves {@code /api/v1/web/NS/PKG/ACTION.EXT}: no authentication needed unless the
 * action asks for it, the action runs as its namespace's owner, and it receives the request as parameters
 * ({@code __ow_method}, {@code __ow_headers}, {@code __ow_path}, {@code __ow_user}, query and body merged, or
 * {@code __ow_query} and {@code __ow_body} for a raw-http action).
 */
public final class WebActionController {
    /** The extensions the platform knows; no extension means {@code .http}. */
    public static final List<String> EXTENSIONS = List.of(".http", ".json", ".html", ".svg", ".text");
    private static final Set<String> RESERVED = Set.of("__ow_method", "__ow_headers", "__ow_path", "__ow_user",
            "__ow_query", "__ow_body");
    /** Pekko's text for 401, which the platform answers when a web action's own authentication fails. */
    static final String UNAUTHORIZED = "Authentication is possible but has failed or not yet been provided.";

    private final ActionController actions;
    private final InvocationController invocations;
    private final Authenticator auth;
    private final ObjectMapper json;
    private final boolean adobeAuth;

    /**
     * @param adobeAuth whether to honour Adobe's {@code require-adobe-auth} (the adobe-io-runtime profile)
     */
    public WebActionController(ActionController actions, InvocationController invocations, Authenticator auth,
                               ObjectMapper json, boolean adobeAuth) {
        this.actions = actions;
        this.invocations = invocations;
        this.auth = auth;
        this.json = json;
        this.adobeAuth = adobeAuth;
    }

    /** Where a request goes: the action, how to render its result, and whether the action handles CORS itself. */
    public record Target(Identity owner, ActionController.ResolvedAction action, String extension, boolean customOptions) {
    }

    /** Finds the web action a request names; 404 (the platform reveals nothing more) when there is none. */
    public Target target(WebRequest request) {
        String name = request.actionWithExtension();
        String extension = ".http";
        for (String ext : EXTENSIONS) {
            if (name.endsWith(ext) && name.length() > ext.length()) {
                extension = ext;
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        Identity owner = auth.ownerOf(request.namespace()).orElseThrow(ApiException::notFound);
        String pkg = "default".equals(request.pkg()) ? null : request.pkg();
        ActionController.ResolvedAction resolved;
        try {
            resolved = actions.resolve(owner, actions.checkedName(new QualifiedName(request.namespace(), pkg, name)));
        } catch (ApiException e) {
            throw ApiException.notFound();
        }
        JsonNode annotations = resolved.action().doc().get("annotations");
        if (!truthy(KeyValues.get(annotations, "web-export"))) {
            throw ApiException.notFound();
        }
        return new Target(owner, resolved, extension, truthy(KeyValues.get(annotations, "web-custom-options")));
    }

    /**
     * Checks the action's own authentication and builds its parameters, then starts it.
     *
     * @throws ApiException 401 when the action's authentication is not met, 400 when the request overrides reserved
     *                      or final parameters, 413 when the body is over the payload limit, 429 when throttled
     * @param callerWaitsMs how long the caller waits for the record on its own thread (the activation may run on it)
     */
    public Invocation invoke(WebRequest request, Target target, long callerWaitsMs) {
        Optional<Identity> caller = auth.identify(request.headers().get("authorization"));
        JsonNode annotations = target.action().action().doc().get("annotations");
        if (!authenticated(KeyValues.get(annotations, "require-whisk-auth"), request, caller)) {
            throw new ApiException(401, UNAUTHORIZED);
        }
        if (adobeAuth && truthy(KeyValues.get(annotations, "require-adobe-auth"))) {
            checkAdobeAuth(request);
        }
        invocations.charge(target.owner());
        if (request.body().length > invocations.payloadLimitBytes()) {
            throw new ApiException(413, Messages.entityTooBig("Request", request.body().length, invocations.payloadLimitBytes()));
        }
        boolean raw = truthy(KeyValues.get(annotations, "raw-http"));
        ObjectNode args = arguments(request, caller, raw);
        if (!raw) {
            checkOverrides(request, args, target.action());
        }
        boolean extraLogging = "on".equalsIgnoreCase(request.headers().get("x-ow-extra-logging"));
        InvocationController.RecordPolicy policy = adobeAuth && !extraLogging
                ? r -> r.status() != ActivationStatus.SUCCESS : InvocationController.RecordPolicy.ALL;
        return invocations.startResolved(target.owner(), target.action(), args, policy, callerWaitsMs);
    }

    /** The web request's wait for its activation's record: see {@link InvocationController#awaitRecord}. */
    public CompletableFuture<ActivationRecord> awaitRecord(Invocation invocation, long waitMs) {
        return invocations.awaitRecord(invocation, waitMs);
    }

    /** {@code require-whisk-auth}: a secret in {@code X-Require-Whisk-Auth}, or {@code true} for the platform's auth. */
    private static boolean authenticated(JsonNode requirement, WebRequest request, Optional<Identity> caller) {
        if (requirement == null || requirement.isNull()) {
            return true;
        }
        if (requirement.isTextual() || requirement.isNumber()) {
            return requirement.asText().equals(request.headers().get("x-require-whisk-auth"));
        }
        if (requirement.isBoolean()) {
            return !requirement.asBoolean() || caller.isPresent();
        }
        return false;
    }

    /**
     * Adobe wraps an action annotated {@code require-adobe-auth} behind a validator that wants an IMS bearer token
     * and the org id; the simulator cannot check a token with IMS, so it checks that both are there.
     */
    private static void checkAdobeAuth(WebRequest request) {
        String authorization = request.headers().get("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw new ApiException(401, "cannot authorize request, reason: missing authorization header");
        }
        String org = request.headers().get("x-gw-ims-org-id");
        if (org == null || org.isBlank()) {
            throw new ApiException(401, "cannot authorize request, reason: missing x-gw-ims-org-id header");
        }
    }

    /** The action's input: the request's context, then query parameters, then body parameters (last wins). */
    private ObjectNode arguments(WebRequest request, Optional<Identity> caller, boolean raw) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.put("__ow_method", request.method().toLowerCase(Locale.ROOT));
        ObjectNode headers = args.putObject("__ow_headers");
        request.headers().forEach(headers::put);
        args.put("__ow_path", request.path());
        caller.ifPresent(who -> args.put("__ow_user", who.namespace()));
        if (raw) {
            args.put("__ow_query", request.rawQuery());
        } else {
            request.query().forEach(args::put);
        }
        JsonNode body = body(request, raw);
        if (body == null) {
            if (raw) {
                args.put("__ow_body", "");
            }
        } else if (body.isObject() && !raw) {
            body.fields().forEachRemaining(f -> args.set(f.getKey(), f.getValue()));
        } else {
            args.set("__ow_body", body);
        }
        return args;
    }

    /**
     * The body as the action sees it: JSON (unless raw), form fields (unless raw), base64 text for binary and (as
     * the platform still does for raw actions) JSON types, or plain text.
     */
    private JsonNode body(WebRequest request, boolean raw) {
        if (request.body().length == 0) {
            return null;
        }
        String type = request.contentType() == null ? "" : request.contentType();
        boolean jsonType = type.equals("application/json") || type.endsWith("+json");
        if (jsonType && !raw) {
            try {
                return json.readTree(request.body());
            } catch (IOException e) {
                throw new ApiException(400, String.format(Messages.MALFORMED_CONTENT, e.getMessage()));
            }
        }
        if (type.equals("application/x-www-form-urlencoded") && !raw) {
            ObjectNode form = JsonNodeFactory.instance.objectNode();
            for (String pair : new String(request.body(), StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.put(key, value);
            }
            return form;
        }
        if (isText(type) && !jsonType) {
            return JsonNodeFactory.instance.textNode(new String(request.body(), StandardCharsets.UTF_8));
        }
        return JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(request.body()));
    }

    /** Media types the platform passes as text; everything else is binary and goes base64. */
    static boolean isText(String type) {
        return type.isEmpty() || type.startsWith("text/") || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript") || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/json") || type.endsWith("+json");
    }

    /** Query and body parameters may not replace the {@code __ow_*} context nor an action's final parameters. */
    private static void checkOverrides(WebRequest request, ObjectNode args, ActionController.ResolvedAction action) {
        for (String key : request.query().keySet()) {
            if (RESERVED.contains(key)) {
                throw ApiException.badRequest(Messages.PARAMETERS_NOT_ALLOWED);
            }
        }
        ObjectNode doc = action.action().doc();
        JsonNode fin = KeyValues.get(doc.get("annotations"), "final");
        if (fin != null && fin.asBoolean(false)) {
            ObjectNode defined = KeyValues.toObject(KeyValues.merge(action.inheritedParameters(), doc.get("parameters")));
            args.fieldNames().forEachRemaining(k -> {
                if (!RESERVED.contains(k) && defined.has(k)) {
                    throw ApiException.badRequest(Messages.PARAMETERS_NOT_ALLOWED);
                }
            });
        }
    }

    /** Annotation values the platform reads as true: {@code true}, or the strings {@code "true"} and {@code "yes"}. */
    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("yes")
                || value.asText().equalsIgnoreCase("raw"));
    }
}
