package dev.whiskstudio.sim.debug;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.controller.Authenticator;
import dev.whiskstudio.sim.controller.Identity;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/**
 * The debug session routes under {@code /sim/v1}, with the OpenWhisk API's basic auth; errors are thrown as
 * {@link ApiException} and rendered by the REST layer's one error mapping ({@code {"error","code"}}).
 * <pre>
 * POST   /sim/v1/namespaces/{ns}/debug                   {"action":"[pkg/]name"} -&gt; 201 the new session
 * GET    /sim/v1/namespaces/{ns}/debug                   the namespace's sessions
 * GET    /sim/v1/namespaces/{ns}/debug/{id}              one session
 * PUT    /sim/v1/namespaces/{ns}/debug/{id}/paused       {"paused":true|false} -&gt; the session
 * DELETE /sim/v1/namespaces/{ns}/debug/{id}              ends it; answers once its container is gone
 * </pre>
 */
public final class DebugApi {
    private static final String JSON = "application/json";
    /** The bodies here are a few dozen bytes. */
    private static final int MAX_BODY = 64 * 1024;
    private static final String BASE = "/sim/v1/namespaces/{ns}/debug";

    private final Authenticator auth;
    private final DebugSessions sessions;
    private final ObjectMapper json;

    public DebugApi(Authenticator auth, DebugSessions sessions, ObjectMapper json) {
        this.auth = auth;
        this.sessions = sessions;
        this.json = json;
    }

    /** Declares the routes on a Javalin config (after the REST API's, whose error mapping they rely on). */
    public void install(JavalinConfig cfg) {
        cfg.routes.post(BASE, ctx -> {
            Identity who = authenticate(ctx);
            respond(ctx, 201, sessions.start(who, ctx.pathParam("ns"), body(ctx)).toString());
        });
        cfg.routes.get(BASE, ctx -> {
            Identity who = authenticate(ctx);
            ArrayNode list = json.createArrayNode();
            sessions.list(who, ctx.pathParam("ns")).forEach(list::add);
            respond(ctx, 200, list.toString());
        });
        cfg.routes.get(BASE + "/{id}", ctx -> {
            Identity who = authenticate(ctx);
            respond(ctx, 200, sessions.get(who, ctx.pathParam("ns"), ctx.pathParam("id")).toString());
        });
        cfg.routes.put(BASE + "/{id}/paused", ctx -> {
            Identity who = authenticate(ctx);
            JsonNode paused = body(ctx).get("paused");
            if (paused == null || !paused.isBoolean()) {
                throw ApiException.badRequest("The request must say whether the debugger holds the process paused: "
                        + "{\"paused\": true} or {\"paused\": false}.");
            }
            respond(ctx, 200, sessions.setPaused(who, ctx.pathParam("ns"), ctx.pathParam("id"), paused.asBoolean())
                    .toString());
        });
        cfg.routes.delete(BASE + "/{id}", ctx -> {
            Identity who = authenticate(ctx);
            respond(ctx, 200, sessions.end(who, ctx.pathParam("ns"), ctx.pathParam("id")).toString());
        });
    }

    /** The request's JSON object (400 when it is something else). */
    private JsonNode body(Context ctx) throws IOException {
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new ApiException(413, Messages.entityTooBig("Request", bytes.length, MAX_BODY));
        }
        JsonNode parsed;
        try {
            parsed = bytes.length == 0 ? null : json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(String.format(Messages.MALFORMED_CONTENT, e.getOriginalMessage()));
        }
        if (parsed == null || !parsed.isObject()) {
            throw ApiException.badRequest(String.format(Messages.MALFORMED_CONTENT, "Object expected"));
        }
        return parsed;
    }

    private Identity authenticate(Context ctx) {
        try {
            return auth.authenticate(ctx.header("Authorization"));
        } catch (ApiException e) {
            ctx.header("WWW-Authenticate", "Basic realm=\"OpenWhisk secure realm\"");
            throw e;
        }
    }

    private static void respond(Context ctx, int status, String body) {
        ctx.status(status).contentType(JSON).result(body);
    }
}
