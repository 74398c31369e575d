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
 * A cluster for MockWebServer that answers like an empty namespace (GET: 404, a listing empty; PUT and POST: 200) unless a test
 * scripted other answers for a request, in order: "PUT /api/v1/namespaces/guest/actions/demo/a" → 429, then 200.
 */
final class ScriptedCluster extends Dispatcher {
    static final String NS = "/api/v1/namespaces/guest/";
    final List<String> seen = new CopyOnWriteArrayList<>();
    /** Each feed invocation: "feeds/new CREATE" (the action's path under the namespace, then its lifecycleEvent). */
    final List<String> feedEvents = new CopyOnWriteArrayList<>();
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

    /** A blocking invocation's answer: the activation record, with success or not. */
    static MockResponse activation(boolean success) {
        return new MockResponse.Builder().code(success ? 200 : 502).addHeader("Content-Type", "application/json")
                .body("{\"activationId\":\"a1\",\"response\":{\"status\":\"" + (success ? "success" : "application error")
                        + "\",\"success\":" + success + ",\"result\":" + (success ? "{}" : "{\"error\":\"no\"}")
                        + "}}").build();
    }

    static MockResponse status(int code, String error) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body("{\"error\":\"" + error + "\",\"code\":\"tx1\"}").build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String key = request.getMethod() + " " + request.getUrl().encodedPath();
        seen.add(key);
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        java.util.regex.Matcher event = java.util.regex.Pattern.compile("\"lifecycleEvent\":\"(\\w+)\"").matcher(body);
        if ("POST".equals(request.getMethod()) && event.find()) {
            feedEvents.add(request.getUrl().encodedPath().replace(NS + "actions/", "") + " " + event.group(1));
        }
        Deque<MockResponse> script = scripts.get(key);
        MockResponse next = script == null ? null : script.poll();
        if (next != null) {
            return next;
        }
        if ("GET".equals(request.getMethod()) && request.getUrl().queryParameter("limit") != null) {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("[]").build();
        }
        if ("GET".equals(request.getMethod())) {
            return status(404, "The requested resource does not exist.");
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}")
                .headersDelay(writeDelayMs, java.util.concurrent.TimeUnit.MILLISECONDS).build();
    }
}
