package dev.whiskstudio.app.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * What the clients of the simulator's own API ({@code /sim/v1}: insight, debug sessions) share: its base address,
 * the key's header, an HTTP client with the REST client's time bounds, and a request answered with JSON, failing
 * with the platform's error as {@link OpenWhiskClient} does.
 */
final class SimulatorApi {
    final ObjectMapper json = new ObjectMapper();
    final OkHttpClient http;
    private final HttpUrl simBase;
    private final String authorization;

    SimulatorApi(String apiHost, String auth) {
        this.simBase = ApiAddress.base(apiHost).newBuilder().addPathSegment("sim").addPathSegment("v1").build();
        this.authorization = ApiAddress.basicAuthorization(auth);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(OpenWhiskClient.CONNECT_TIMEOUT)
                .readTimeout(OpenWhiskClient.READ_TIMEOUT)
                .writeTimeout(OpenWhiskClient.READ_TIMEOUT)
                .followRedirects(false)
                .build();
    }

    /** {@code /sim/v1}, to add the path to. */
    HttpUrl.Builder url() {
        return simBase.newBuilder();
    }

    /** A request to the URL with the key and, unless said otherwise, JSON accepted. */
    Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", authorization).header("Accept", "application/json");
    }

    /** Sends the request and reads the answer's JSON; a failure status is the platform's error. */
    JsonNode send(OkHttpClient client, Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw ApiAddress.failure(json, response.code(), response.message(), text);
            }
            try {
                return json.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IOException(request.method() + " " + request.url().encodedPath() + " answered "
                        + response.code() + " with something that is not JSON", e);
            }
        }
    }

    /** Lets go of the connections and threads at once. */
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return simBase.toString();
    }
}
