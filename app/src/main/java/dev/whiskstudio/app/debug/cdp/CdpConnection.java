package dev.whiskstudio.app.debug.cdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One WebSocket to a DevTools protocol endpoint (a Node.js inspector): commands go out with increasing ids and their
 * answers come back as futures; events go to the listeners of their method.
 *
 * <p>Threading: nothing here blocks the calling thread on I/O. {@link #open} returns at once with a future that
 * completes when the socket is open, or fails after the connect bound; {@link #send} only queues the message. Answers
 * complete their futures, and event listeners run, on the connection's reader thread, one message at a time in the
 * order the inspector sent them: a listener or a dependent stage must not wait there for another answer of the same
 * connection (it would wait for itself); hand such work to another executor ({@code thenApplyAsync}).
 *
 * <p>Every command has a time bound ({@link #commandTimeout()}): without an answer by then its future fails with a
 * {@link CdpException#TIMEOUT} error. When the connection ends, for whatever reason, every pending future fails with
 * {@link CdpException#CLOSED} and {@link #closed()} completes with the reason.
 */
public final class CdpConnection {
    /** A socket that does not finish its closing handshake is cut after this. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private static final OkHttpClient SHARED_HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ZERO)
            .build();
    private static final ScheduledExecutorService TIMERS = timers();

    private final String url;
    private final Duration commandTimeout;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<JsonNode>>> listeners = new ConcurrentHashMap<>();
    private final CompletableFuture<CdpConnection> opened = new CompletableFuture<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final AtomicBoolean ending = new AtomicBoolean();
    private volatile WebSocket socket;

    private CdpConnection(String url, Duration commandTimeout) {
        this.url = url;
        this.commandTimeout = commandTimeout;
    }

    /**
     * Connects to {@code url} ({@code ws://host:port/id}) with a shared client and a 10 s command bound.
     *
     * @see #open(OkHttpClient, String, Duration, Duration)
     */
    public static CompletableFuture<CdpConnection> open(String url, Duration connectTimeout) {
        return open(SHARED_HTTP, url, connectTimeout, Duration.ofSeconds(10));
    }

    /**
     * Starts connecting and returns at once. The future completes with the open connection, or fails with a
     * {@link CdpException} when the endpoint refuses, answers with something else than a WebSocket, or does not
     * answer within {@code connectTimeout} (the attempt is then cancelled).
     *
     * @param http           the client to derive ours from (its dispatcher and connection pool are shared)
     * @param commandTimeout the bound of every command's answer
     */
    public static CompletableFuture<CdpConnection> open(OkHttpClient http, String url, Duration connectTimeout,
                                                        Duration commandTimeout) {
        CdpConnection connection = new CdpConnection(url, commandTimeout);
        Request request;
        try {
            request = new Request.Builder().url(url).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new CdpException(CdpException.CLOSED,
                    "Not a debugger address: " + url, e));
        }
        OkHttpClient client = http.newBuilder()
                .readTimeout(Duration.ZERO)
                .connectTimeout(connectTimeout)
                .socketFactory(QuickAckSocketFactory.INSTANCE)
                .build();
        connection.socket = client.newWebSocket(request, connection.new Listener());
        ScheduledFuture<?> bound = TIMERS.schedule(() -> {
            if (connection.opened.completeExceptionally(new CdpException(CdpException.TIMEOUT,
                    "The debugger at " + url + " did not answer within " + seconds(connectTimeout) + "."))) {
                connection.socket.cancel();
                connection.end(new CloseReason(true, "connect timed out", null));
            }
        }, connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        connection.opened.whenComplete((c, e) -> bound.cancel(false));
        return connection.opened;
    }

    public String url() {
        return url;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** True until the connection has ended (closed by either side or broken). */
    public boolean isOpen() {
        return !closed.isDone();
    }

    /** Completes once, when the connection has ended, with the reason; never fails. */
    public CompletableFuture<CloseReason> closed() {
        return closed;
    }

    /** Sends a command without parameters. */
    public CompletableFuture<JsonNode> send(String method) {
        return send(method, null);
    }

    /**
     * Sends a command. {@code params} is a record of this package, a map, a Jackson node, or null for none. The future
     * completes with the answer's {@code result} object (an empty object when it has none) or fails with a
     * {@link CdpException}: the protocol error the inspector answered, a timeout, or a closed connection.
     */
    public CompletableFuture<JsonNode> send(String method, Object params) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        if (!isOpen()) {
            answer.completeExceptionally(closedError(method));
            return answer;
        }
        long id = nextId.getAndIncrement();
        ObjectNode message = CdpJson.mapper().createObjectNode();
        message.put("id", id);
        message.put("method", method);
        if (params != null) {
            message.set("params", CdpJson.mapper().valueToTree(params));
        }
        Pending p = new Pending(method, answer);
        pending.put(id, p);
        p.timer = TIMERS.schedule(() -> {
            if (pending.remove(id) != null) {
                answer.completeExceptionally(new CdpException(CdpException.TIMEOUT,
                        "The debugger did not answer " + method + " within " + seconds(commandTimeout) + "."));
            }
        }, commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!socket.send(message.toString())) {
            // the socket is closing or its outgoing queue is full: the connection is as good as gone
            pending.remove(id);
            p.timer.cancel(false);
            answer.completeExceptionally(closedError(method));
        } else if (!isOpen() && pending.remove(id) != null) {
            // ended between the check above and the put: end() may have missed this one
            p.timer.cancel(false);
            answer.completeExceptionally(closedError(method));
        }
        return answer;
    }

    /** Sends a command and reads its result as {@code type}. */
    public <T> CompletableFuture<T> send(String method, Object params, Class<T> type) {
        return send(method, params).thenApply(result -> CdpJson.read(result, type));
    }

    /**
     * Calls {@code listener} with the {@code params} of every event named {@code method} (such as
     * {@code Debugger.paused}), on the reader thread. A listener that throws is logged and stays registered.
     */
    public CdpSubscription on(String method, Consumer<JsonNode> listener) {
        List<Consumer<JsonNode>> forMethod = listeners.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>());
        forMethod.add(listener);
        return () -> forMethod.remove(listener);
    }

    /** The same, with the event's parameters read as a record of this package. */
    public <T> CdpSubscription on(String method, Class<T> type, Consumer<T> listener) {
        return on(method, params -> listener.accept(CdpJson.read(params, type)));
    }

    /**
     * Closes the socket (a normal close, then cut after a short grace if the other side does not answer). Pending
     * commands fail with {@link CdpException#CLOSED} at once and {@link #closed()} completes; returns at once.
     */
    public void close() {
        // ended first: the other side's answer to the close frame must not be taken for it closing on its own
        opened.completeExceptionally(closedError("connect"));
        end(new CloseReason(true, "The debugger connection was closed.", null));
        WebSocket ws = socket;
        if (ws != null && !ws.close(1000, null)) {
            ws.cancel();
        } else if (ws != null) {
            TIMERS.schedule(ws::cancel, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void end(CloseReason reason) {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        closed.complete(reason);
        List<Long> ids = new ArrayList<>(pending.keySet());
        for (Long id : ids) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.timer.cancel(false);
                p.answer.completeExceptionally(closedError(p.method));
            }
        }
    }

    private CdpException closedError(String method) {
        CloseReason reason = closed.getNow(null);
        String why = reason == null ? "" : " " + reason.message();
        return new CdpException(CdpException.CLOSED, "The debugger connection is closed (" + method + ")." + why);
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = CdpJson.mapper().readTree(text);
        } catch (Exception e) {
            System.getLogger(CdpConnection.class.getName()).log(System.Logger.Level.WARNING,
                    "unreadable message from the debugger at " + url, e);
            return;
        }
        JsonNode id = message.get("id");
        if (id != null && id.canConvertToLong()) {
            answer(id.asLong(), message);
            return;
        }
        JsonNode method = message.get("method");
        if (method == null) {
            return;
        }
        List<Consumer<JsonNode>> forMethod = listeners.get(method.asText());
        if (forMethod == null) {
            return;
        }
        JsonNode params = message.has("params") ? message.get("params") : CdpJson.mapper().createObjectNode();
        for (Consumer<JsonNode> listener : forMethod) {
            try {
                listener.accept(params);
            } catch (RuntimeException e) {
                System.getLogger(CdpConnection.class.getName()).log(System.Logger.Level.WARNING,
                        "a listener of " + method.asText() + " failed", e);
            }
        }
    }

    private void answer(long id, JsonNode message) {
        Pending p = pending.remove(id);
        if (p == null) {
            return; // timed out already
        }
        p.timer.cancel(false);
        JsonNode error = message.get("error");
        if (error != null && !error.isNull()) {
            String text = error.path("message").asText("unknown error");
            JsonNode data = error.get("data");
            if (data != null && !data.isNull()) {
                text = text + " " + data.asText();
            }
            p.answer.completeExceptionally(new CdpException(error.path("code").asInt(-32000), text));
            return;
        }
        JsonNode result = message.get("result");
        p.answer.complete(result == null || result.isNull() ? CdpJson.mapper().createObjectNode() : result);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cdp-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(timers);
    }

    private static final class Pending {
        final String method;
        final CompletableFuture<JsonNode> answer;
        volatile ScheduledFuture<?> timer;

        Pending(String method, CompletableFuture<JsonNode> answer) {
            this.method = method;
            this.answer = answer;
        }
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            if (!opened.complete(CdpConnection.this)) {
                webSocket.cancel(); // timed out meanwhile
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            dispatch(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            end(new CloseReason(false, "The debugger closed the connection"
                    + (reason == null || reason.isBlank() ? "." : ": " + reason + "."), null));
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            end(new CloseReason(false, "The debugger closed the connection.", null));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (opened.completeExceptionally(new CdpException(CdpException.CLOSED,
                    "Cannot connect to the debugger at " + url + ": " + why, t))) {
                end(new CloseReason(false, "Cannot connect: " + why, t));
            } else {
                end(new CloseReason(false, "The connection to the debugger was lost (" + why + ").", t));
            }
        }
    }
}
