package dev.whiskstudio.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.sim.api.Json;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.SimConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A real simulator on a free loopback port with a temporary data directory, and an HTTP client for tests. */
public final class SimHarness implements AutoCloseable {
    public static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Simulator sim;

    public SimHarness(SimConfig config) {
        try {
            this.sim = Simulator.start(config.withPort(0));
        } catch (Exception e) {
            throw new IllegalStateException("simulator did not start", e);
        }
    }

    public Simulator sim() {
        return sim;
    }

    public Client as(Credential credential) {
        return new Client(sim.apiHost(), credential == null ? null : credential.auth());
    }

    public Client guest() {
        return as(Credential.GUEST);
    }

    public Client anonymous() {
        return as(null);
    }

    @Override
    public void close() {
        sim.close();
    }

    /** A status and a body (parsed as JSON when it is JSON). */
    public record Reply(int status, String text, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        /** The platform's error message of an error reply. */
        public String error() {
            return json().path("error").asText();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    /** Calls the API with one key (or none). */
    public static final class Client {
        private final String base;
        private final String auth;

        /** A client for any simulator, such as one in another process. */
        public Client(String base, String auth) {
            this.base = base;
            this.auth = auth;
        }

        public Reply get(String path) {
            return send("GET", path, null, null);
        }

        public Reply delete(String path) {
            return send("DELETE", path, null, null);
        }

        public Reply put(String path, String json) {
            return send("PUT", path, json, "application/json");
        }

        public Reply post(String path, String json) {
            return send("POST", path, json, "application/json");
        }

        public Reply send(String method, String path, String body, String contentType) {
            return send(method, path, body, contentType, b -> b);
        }

        /** Sends with extra request settings, such as headers. */
        public Reply send(String method, String path, String body, String contentType,
                          java.util.function.UnaryOperator<HttpRequest.Builder> extra) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90));
            if (auth != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            b = extra.apply(b);
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(r.statusCode(), r.body(), r.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
