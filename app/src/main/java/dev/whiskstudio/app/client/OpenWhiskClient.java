package dev.whiskstudio.app.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OpenWhisk REST API v1 of one target, over HTTP with basic auth. Calls block: run them off the UI thread.
 * Every failing answer becomes an {@link OpenWhiskException}; a target that cannot be reached gives the plain
 * {@link IOException} of the connection.
 */
public final class OpenWhiskClient implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Listing a large namespace on a busy cluster can take seconds; longer than this is a hung connection. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** The largest page the platform hands out per request. */
    static final int PAGE_SIZE = 200;

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl apiBase;
    private final String authorization;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public OpenWhiskClient(Target target) {
        this(target.apiHost(), target.auth());
    }

    public OpenWhiskClient(String apiHost, String auth) {
        this(apiHost, auth, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    public OpenWhiskClient(String apiHost, String auth, Duration connectTimeout, Duration readTimeout) {
        this(apiHost, auth, connectTimeout, readTimeout, List.of());
    }

    /**
     * A client whose every request goes through {@code interceptors} first (in order), e.g. the deploy's retries
     * or a test's request counter.
     */
    public OpenWhiskClient(String apiHost, String auth, Duration connectTimeout, Duration readTimeout,
                           List<Interceptor> interceptors) {
        this(apiHost, auth, connectTimeout, readTimeout, interceptors, true);
    }

    /**
     * @param retryOnConnectionFailure whether OkHttp may send a request again by itself after a dropped connection;
     *                                 false when an interceptor decides (OkHttp would replay a POST, such as a
     *                                 feed's CREATE, which may have been carried out already)
     */
    public OpenWhiskClient(String apiHost, String auth, Duration connectTimeout, Duration readTimeout,
                           List<Interceptor> interceptors, boolean retryOnConnectionFailure) {
        this.apiBase = ApiAddress.base(apiHost).newBuilder().addPathSegment("api").addPathSegment("v1").build();
        this.authorization = ApiAddress.basicAuthorization(auth);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                // the platform answers a redirect only from a misconfigured proxy; following it would resend the key
                .followRedirects(false)
                .retryOnConnectionFailure(retryOnConnectionFailure);
        interceptors.forEach(builder::addInterceptor);
        this.http = builder.build();
    }

    /** The namespaces the key opens. */
    public List<String> namespaces() throws IOException {
        JsonNode answer = send(get(namespacesUrl().build()));
        List<String> names = new ArrayList<>();
        answer.forEach(n -> names.add(n.asText()));
        return names;
    }

    public List<EntitySummary> listActions(String namespace) throws IOException {
        return list(namespace, EntityCollection.ACTIONS);
    }

    public List<EntitySummary> listPackages(String namespace) throws IOException {
        return list(namespace, EntityCollection.PACKAGES);
    }

    public List<EntitySummary> listTriggers(String namespace) throws IOException {
        return list(namespace, EntityCollection.TRIGGERS);
    }

    public List<EntitySummary> listRules(String namespace) throws IOException {
        return list(namespace, EntityCollection.RULES);
    }

    /** Every entity of a collection, page after page. */
    public List<EntitySummary> list(String namespace, EntityCollection collection) throws IOException {
        return listEntries(namespace, collection).stream().map(EntitySummary::of).toList();
    }

    /**
     * Every entry of a collection's listing as the platform wrote it, page after page: the fields a summary leaves
     * out stay readable, such as a package's {@code binding} or a rule's {@code trigger} and {@code action}.
     */
    public List<JsonNode> listEntries(String namespace, EntityCollection collection) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            HttpUrl url = collectionUrl(namespace, collection)
                    .addQueryParameter("limit", Integer.toString(PAGE_SIZE))
                    .addQueryParameter("skip", Integer.toString(all.size()))
                    .build();
            JsonNode page = send(get(url));
            if (!page.isArray()) {
                throw new IOException("the listing of " + collection.path() + " is not a JSON array");
            }
            page.forEach(all::add);
            if (page.size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    /** How many entities a collection holds, as the platform counts them ({@code ?count=true}). */
    public int count(String namespace, EntityCollection collection) throws IOException {
        HttpUrl url = collectionUrl(namespace, collection).addQueryParameter("count", "true").build();
        JsonNode count = send(get(url)).get(collection.path());
        if (count == null || !count.canConvertToInt()) {
            throw new IOException("the count of " + collection.path() + " is missing from the answer");
        }
        return count.intValue();
    }

    /** Creates a package, or replaces it when {@code overwrite}; answers the stored package. */
    public JsonNode putPackage(String namespace, String name, JsonNode pkg, boolean overwrite) throws IOException {
        return put(namespace, EntityCollection.PACKAGES, name, pkg, overwrite);
    }

    /**
     * Creates an entity, or updates it when {@code overwrite}; answers the stored entity.
     *
     * @param name the entity's name, {@code pkg/name} for an action in a package
     */
    public JsonNode put(String namespace, EntityCollection collection, String name, JsonNode entity, boolean overwrite)
            throws IOException {
        HttpUrl url = entityUrl(namespace, collection, name)
                .addQueryParameter("overwrite", Boolean.toString(overwrite)).build();
        return send(request(url).put(RequestBody.create(json.writeValueAsBytes(entity), JSON)).build());
    }

    /** One entity ({@code pkg/name} for a packaged action); an action comes with its code. */
    public JsonNode get(String namespace, EntityCollection collection, String name) throws IOException {
        return send(get(entityUrl(namespace, collection, name).build()));
    }

    /** Deletes an entity and answers what it was; {@code force} also deletes a package's actions. */
    public JsonNode delete(String namespace, EntityCollection collection, String name, boolean force) throws IOException {
        HttpUrl.Builder url = entityUrl(namespace, collection, name);
        if (force) {
            url.addQueryParameter("force", "true");
        }
        return send(request(url.build()).delete().build());
    }

    /** The actions of one package (or of the package a binding points to). */
    public List<EntitySummary> listPackageActions(String namespace, String pkg) throws IOException {
        HttpUrl url = collectionUrl(namespace, EntityCollection.ACTIONS).addPathSegment(pkg).addPathSegment("")
                .addQueryParameter("limit", Integer.toString(PAGE_SIZE)).build();
        JsonNode page = send(get(url));
        List<EntitySummary> all = new ArrayList<>();
        page.forEach(e -> all.add(EntitySummary.of(e)));
        return all;
    }

    /** Sets a rule active or inactive. */
    public void setRuleActive(String namespace, String rule, boolean active) throws IOException {
        HttpUrl url = entityUrl(namespace, EntityCollection.RULES, rule).build();
        byte[] body = json.writeValueAsBytes(json.createObjectNode().put("status", active ? "active" : "inactive"));
        try (Response response = http.newCall(request(url).post(RequestBody.create(body, JSON)).build()).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw failure(response.code(), response.message(), text);
            }
        }
    }

    /**
     * Fires a trigger with a payload (null for none); answers the trigger activation's id, or empty when no active
     * rule took the event (the platform's 204).
     */
    public Optional<String> fireTrigger(String namespace, String trigger, JsonNode payload) throws IOException {
        HttpUrl url = entityUrl(namespace, EntityCollection.TRIGGERS, trigger).build();
        byte[] body = json.writeValueAsBytes(payload == null ? json.createObjectNode() : payload);
        try (Response response = http.newCall(request(url).post(RequestBody.create(body, JSON)).build()).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw failure(response.code(), response.message(), text);
            }
            JsonNode answer = parseOrNull(text);
            return response.code() == 204 || answer == null || !answer.hasNonNull("activationId") ? Optional.empty()
                    : Optional.of(answer.get("activationId").asText());
        }
    }

    /**
     * Invokes an action ({@code pkg/name} for a packaged one). Blocking waits up to {@code timeout} for the
     * activation: a failed action is still an {@link Invocation} (502 carries its record), not an exception.
     */
    public Invocation invoke(String namespace, String action, JsonNode params, boolean blocking, Duration timeout)
            throws IOException {
        HttpUrl.Builder url = entityUrl(namespace, EntityCollection.ACTIONS, action)
                .addQueryParameter("blocking", Boolean.toString(blocking));
        if (blocking && timeout != null) {
            url.addQueryParameter("timeout", Long.toString(Math.max(1, Math.min(60_000, timeout.toMillis()))));
        }
        byte[] body = json.writeValueAsBytes(params == null ? json.createObjectNode() : params);
        OkHttpClient caller = blocking && timeout != null
                ? http.newBuilder().readTimeout(timeout.plusSeconds(10)).build() : http;
        try (Response response = caller.newCall(request(url.build()).post(RequestBody.create(body, JSON)).build()).execute()) {
            String text = response.body().string();
            int code = response.code();
            JsonNode answer = parseOrNull(text);
            if (code == 200 || code == 202 || (code == 502 && answer != null && answer.has("activationId"))) {
                String id = response.header("x-openwhisk-activation-id",
                        answer != null && answer.has("activationId") ? answer.get("activationId").asText() : null);
                return new Invocation(code, id, code == 202 ? null : answer);
            }
            throw failure(code, response.message(), text);
        }
    }

    /** A page of activations, newest first ({@code name} may be null; {@code since} 0 for no bound). */
    public JsonNode listActivations(String namespace, String name, int limit, int skip, long since, boolean docs)
            throws IOException {
        HttpUrl.Builder url = namespacesUrl().addPathSegment(namespace).addPathSegment("activations")
                .addQueryParameter("limit", Integer.toString(limit)).addQueryParameter("skip", Integer.toString(skip));
        if (name != null) {
            url.addQueryParameter("name", name);
        }
        if (since > 0) {
            url.addQueryParameter("since", Long.toString(since));
        }
        if (docs) {
            url.addQueryParameter("docs", "true");
        }
        return send(get(url.build()));
    }

    /** One activation record. */
    public JsonNode activation(String namespace, String activationId) throws IOException {
        return send(get(namespacesUrl().addPathSegment(namespace).addPathSegment("activations")
                .addPathSegment(activationId).build()));
    }

    /** The log lines of an activation ({@code /activations/{id}/logs}), as the platform stored them. */
    public List<String> activationLogs(String namespace, String activationId) throws IOException {
        JsonNode answer = send(get(namespacesUrl().addPathSegment(namespace).addPathSegment("activations")
                .addPathSegment(activationId).addPathSegment("logs").build()));
        List<String> lines = new ArrayList<>();
        answer.path("logs").forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private HttpUrl.Builder entityUrl(String namespace, EntityCollection collection, String name) {
        HttpUrl.Builder url = collectionUrl(namespace, collection);
        for (String segment : name.split("/")) {
            url.addPathSegment(segment);
        }
        return url;
    }

    private JsonNode parseOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private HttpUrl.Builder namespacesUrl() {
        return apiBase.newBuilder().addPathSegment("namespaces");
    }

    private HttpUrl.Builder collectionUrl(String namespace, EntityCollection collection) {
        return namespacesUrl().addPathSegment(namespace).addPathSegment(collection.path());
    }

    private Request get(HttpUrl url) {
        return request(url).get().build();
    }

    private Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private JsonNode send(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            if (!response.isSuccessful()) {
                throw failure(response.code(), response.message(), text);
            }
            try {
                return json.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IOException(request.method() + " " + request.url().encodedPath()
                        + " answered " + response.code() + " with something that is not JSON", e);
            }
        }
    }

    /** A failing answer: the platform's {"error","code"}, else the HTTP reason (read in one place, ApiAddress). */
    private OpenWhiskException failure(int status, String reason, String body) {
        return ApiAddress.failure(json, status, reason, body);
    }

    /** Lets go of pooled connections and threads at once instead of when they time out. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "OpenWhiskClient[" + apiBase + "]";
    }
}
