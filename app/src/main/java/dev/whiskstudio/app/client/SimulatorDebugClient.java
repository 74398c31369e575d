package dev.whiskstudio.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.client.debug.DebugSessionInfo;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Whisk Studio simulator's debug sessions ({@code /sim/v1/namespaces/{ns}/debug}) on one target, with the same key
 * as its OpenWhisk API: start a session for an action (its own container with the Node.js inspector), list and read
 * sessions, tell the simulator when the debugger holds the process paused (the activation's time limit and its
 * caller's wait stop meanwhile), and end a session. Calls block: run them off the UI thread. A failing answer is an
 * {@link OpenWhiskException} with the simulator's message (409: the action has a session already; 404: no such action
 * or session; 400: a sequence, or a kind that cannot be debugged); a target that cannot be reached gives the plain
 * {@link IOException} of the connection. The sessions' moves come on the event stream of
 * {@link SimulatorInsightClient#events} ({@code onDebug}).
 */
public final class SimulatorDebugClient implements AutoCloseable {
    /** Starting a session starts a container (and, the first time with Docker, builds its image). */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final SimulatorApi api;
    private final OkHttpClient startHttp;

    public SimulatorDebugClient(Target target) {
        this(target.apiHost(), target.auth());
    }

    public SimulatorDebugClient(String apiHost, String auth) {
        this.api = new SimulatorApi(apiHost, auth);
        this.startHttp = api.http.newBuilder().readTimeout(START_TIMEOUT).build();
    }

    /**
     * Starts a session for an action of a namespace ({@code _} for the key's own) and returns once its container is
     * initialised and its inspector listens.
     *
     * @param action {@code name} or {@code package/name}
     */
    public DebugSessionInfo start(String namespace, String action) throws IOException {
        return start(namespace, action, false);
    }

    /**
     * Starts a session as {@link #start(String, String)} does; with {@code replace}, a session the action has already
     * is ended first instead of the answer being 409.
     */
    public DebugSessionInfo start(String namespace, String action, boolean replace) throws IOException {
        var fields = api.json.createObjectNode().put("action", action);
        if (replace) {
            fields.put("replace", true);
        }
        String body = fields.toString();
        Request request = request(sessions(namespace).build())
                .post(RequestBody.create(body, JSON_TYPE)).build();
        return DebugSessionInfo.fromJson(send(startHttp, request));
    }

    /** The sessions of a namespace, oldest first. */
    public List<DebugSessionInfo> list(String namespace) throws IOException {
        JsonNode answer = send(api.http, request(sessions(namespace).build()).get().build());
        if (!answer.isArray()) {
            throw new IOException("the debug session list is not a JSON array");
        }
        List<DebugSessionInfo> out = new ArrayList<>(answer.size());
        answer.forEach(s -> out.add(DebugSessionInfo.fromJson(s)));
        return out;
    }

    /** One session; empty when the namespace has no such session (it ended, or never was). */
    public Optional<DebugSessionInfo> get(String namespace, String sessionId) throws IOException {
        try {
            return Optional.of(DebugSessionInfo.fromJson(
                    send(api.http, request(session(namespace, sessionId).build()).get().build())));
        } catch (OpenWhiskException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Tells the simulator whether the debugger holds the session's process paused (after {@code Debugger.paused}:
     * true; before {@code Debugger.resume} or a step: false), and returns the session as it is then.
     */
    public DebugSessionInfo setPaused(String namespace, String sessionId, boolean paused) throws IOException {
        String body = api.json.createObjectNode().put("paused", paused).toString();
        Request request = request(session(namespace, sessionId).addPathSegment("paused").build())
                .put(RequestBody.create(body, JSON_TYPE)).build();
        return DebugSessionInfo.fromJson(send(api.http, request));
    }

    /**
     * Ends a session: its container is removed (an activation held in it ends as a crashed one) and later activations
     * run in the pool again. Returns once the container is gone; false when there was no such session any more.
     */
    public boolean stop(String namespace, String sessionId) throws IOException {
        try {
            send(api.http, request(session(namespace, sessionId).build()).delete().build());
            return true;
        } catch (OpenWhiskException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private HttpUrl.Builder sessions(String namespace) {
        return api.url().addPathSegment("namespaces").addPathSegment(namespace).addPathSegment("debug");
    }

    private HttpUrl.Builder session(String namespace, String sessionId) {
        return sessions(namespace).addPathSegment(sessionId);
    }

    private Request.Builder request(HttpUrl url) {
        return api.request(url);
    }

    private JsonNode send(OkHttpClient client, Request request) throws IOException {
        return api.send(client, request);
    }

    /** Lets go of connections and threads at once. */
    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return "SimulatorDebugClient[" + api + "]";
    }
}
