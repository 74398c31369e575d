package dev.whiskstudio.sim.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A throwaway Chrome DevTools Protocol client for tests, over the JDK's WebSocket: commands answer futures, events
 * queue up to be awaited. (The app has its own client; this one only checks what Node really does.)
 */
final class CdpTestClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    /** scriptId to URL, from every {@code Debugger.scriptParsed} seen. */
    private final Map<String, String> scripts = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    CdpTestClient(String inspectorUrl) throws Exception {
        StringBuilder message = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(inspectorUrl), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        message.append(data);
                        if (last) {
                            String text = message.toString();
                            message.setLength(0);
                            receive(text);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closed.complete(null);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete(null);
                    }
                }).get(5, TimeUnit.SECONDS);
    }

    private void receive(String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
            if (f != null) {
                if (m.has("error")) {
                    f.completeExceptionally(new IllegalStateException(m.get("error").toString()));
                } else {
                    f.complete(m.get("result"));
                }
            }
            return;
        }
        if ("Debugger.scriptParsed".equals(m.path("method").asText())) {
            scripts.put(m.at("/params/scriptId").asText(), m.at("/params/url").asText());
        }
        events.add(m);
    }

    /** Sends a command and waits (bounded) for its result. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode m = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            m.set("params", params);
        }
        socket.sendText(m.toString(), true).get(5, TimeUnit.SECONDS);
        return answer.get(10, TimeUnit.SECONDS);
    }

    JsonNode call(String method) throws Exception {
        return call(method, null);
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** The next event of a method that matches, waiting at most {@code limit}; the others before it are dropped. */
    JsonNode await(String method, Duration limit, Predicate<JsonNode> matches) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("no " + method + " within " + limit.toMillis() + " ms; saw " + seen);
            }
            if (method.equals(e.path("method").asText()) && matches.test(e.get("params"))) {
                return e.get("params");
            }
            seen.add(e.path("method").asText());
        }
    }

    /** The URL of a script the debugger announced. */
    String urlOf(String scriptId) {
        return scripts.get(scriptId);
    }

    /** Every script URL the debugger announced so far. */
    List<String> scriptUrls() {
        return List.copyOf(scripts.values());
    }

    /** Whether the debugger hung up (its process ended). */
    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
