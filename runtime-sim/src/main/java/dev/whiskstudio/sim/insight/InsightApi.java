package dev.whiskstudio.sim.insight;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.controller.Authenticator;
import dev.whiskstudio.sim.controller.Identity;
import dev.whiskstudio.sim.invoker.PoolSnapshot;
import dev.whiskstudio.sim.store.ActivationStore;
import dev.whiskstudio.sim.store.ActivationWriter;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The routes under {@code /sim/v1}, with the OpenWhisk API's basic auth. Errors are thrown as {@link ApiException}
 * and rendered by the REST layer's one error mapping, in the platform's {@code {"error","code"}} shape.
 * <pre>
 * GET /sim/v1                                          what this simulator is
 * GET /sim/v1/pool                                     the container pool now
 * GET /sim/v1/namespaces/{ns}/activations/{id}/insight one activation's insight
 * GET /sim/v1/namespaces/{ns}/insight?since=&amp;upto=&amp;limit=  insights, newest first
 * GET /sim/v1/events[?ns=]                             text/event-stream of activations, pool changes and
 *                                                      debug sessions
 * </pre>
 * The debug session routes beside these are {@link dev.whiskstudio.sim.debug.DebugApi}'s.
 */
public final class InsightApi {
    private static final String JSON = "application/json";

    private final Authenticator auth;
    private final SimConfig config;
    private final Supplier<PoolSnapshot> pool;
    private final InsightReader reader;
    private final EventHub events;
    private final String version = SimulatorVersion.get();

    public InsightApi(Authenticator auth, SimConfig config, Supplier<PoolSnapshot> pool, ActivationStore store,
                      ActivationWriter writer, EventHub events) {
        this.auth = auth;
        this.config = config;
        this.pool = pool;
        this.reader = new InsightReader(store, writer);
        this.events = events;
    }

    /** Declares the routes on a Javalin config (after the REST API's, whose error mapping they rely on). */
    public void install(JavalinConfig cfg) {
        cfg.routes.get("/sim/v1", this::info);
        cfg.routes.get("/sim/v1/", this::info);
        cfg.routes.get("/sim/v1/pool", this::pool);
        cfg.routes.get("/sim/v1/namespaces/{ns}/activations/{id}/insight", ctx -> {
            Identity who = authenticate(ctx);
            json(ctx, reader.insight(who, ctx.pathParam("ns"), ctx.pathParam("id")));
        });
        cfg.routes.get("/sim/v1/namespaces/{ns}/insight", ctx -> {
            Identity who = authenticate(ctx);
            json(ctx, reader.insights(who, ctx.pathParam("ns"), ctx.queryParam("since"), ctx.queryParam("upto"),
                    ctx.queryParam("limit")));
        });
        cfg.routes.get("/sim/v1/events", this::events);
    }

    private void info(Context ctx) {
        authenticate(ctx);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("simulator", "whisk-studio");
        o.put("version", version);
        o.put("profile", config.profile().id());
        o.put("backend", config.backend());
        json(ctx, o.toString());
    }

    private void pool(Context ctx) {
        Identity who = authenticate(ctx);
        json(ctx, PoolJson.render(pool.get(), new HashSet<>(who.namespaces())).toString());
    }

    /**
     * Opens the event stream: checks the key and {@code ns} first (so those fail with a status), then answers 200
     * with {@code text/event-stream} and leaves the response open for the client's writer thread.
     */
    private void events(Context ctx) throws IOException {
        Identity who = authenticate(ctx);
        Set<String> namespaces = InsightReader.visibleNamespaces(who, ctx.queryParam("ns"));
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader("Cache-Control", "no-cache");
        res.addHeader("X-Accel-Buffering", "no");
        res.flushBuffer();
        SseClient client = new SseClient(ctx);
        client.keepAlive();
        if (!events.subscribe(namespaces, new SseSink(client, EventHub.SOCKET_BUFFER))) {
            client.close();
        }
    }

    private Identity authenticate(Context ctx) {
        try {
            return auth.authenticate(ctx.header("Authorization"));
        } catch (ApiException e) {
            ctx.header("WWW-Authenticate", "Basic realm=\"OpenWhisk secure realm\"");
            throw e;
        }
    }

    private static void json(Context ctx, String body) {
        ctx.status(200).contentType(JSON).result(body);
    }
}
