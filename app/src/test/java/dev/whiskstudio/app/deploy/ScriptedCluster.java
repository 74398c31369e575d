package dev.whiskstudio.app.deploy;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cluster for MockWebServer that answers like an empty namespace (GET: 404; PUT and POST: 200) unless a test
 * scripted other answers for a request, in order: "PUT /api/v1/namespaces/guest/actions/demo/a" → 429, then 200.
 */
final class ScriptedCluster extends Dispatcher {
    static final String NS = "/api/v1/namespaces/guest/";
    final List<String> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MockResponse>> scripts = new ConcurrentHashMap<>();
    /** How long each write takes to be answered (0: at once), for a deploy slow enough to cancel. */
    volatile long writeDelayMs;

    /** Answers the next requests {@code "METHOD path"} (path under the namespace) with these, then as usual. */
    ScriptedCluster script(String method, String path, MockResponse... answers) {
        scripts.computeIfAbsent(method + " " + NS + path, k -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    long count(String method, String path) {
        return seen.stream().filter(s -> s.equals(method + " " + NS + path)).count();
    }

    static MockResponse status(int code, String error) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body("{\"error\":\"" + error + "\",\"code\":\"tx1\"}").build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String key = request.getMethod() + " " + request.getUrl().encodedPath();
        seen.add(key);
        Deque<MockResponse> script = scripts.get(key);
        MockResponse next = script == null ? null : script.poll();
        if (next != null) {
            return next;
        }
        if ("GET".equals(request.getMethod())) {
            return status(404, "The requested resource does not exist.");
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}")
                .headersDelay(writeDelayMs, java.util.concurrent.TimeUnit.MILLISECONDS).build();
    }
}
