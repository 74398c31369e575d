package dev.whiskstudio.app.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.client.debug.DebugEvent;
import dev.whiskstudio.app.client.insight.ActivationEvent;
import dev.whiskstudio.app.client.insight.ActivationInsight;
import dev.whiskstudio.app.client.insight.EventSubscription;
import dev.whiskstudio.app.client.insight.PoolView;
import dev.whiskstudio.app.client.insight.SimulatorEventListener;
import dev.whiskstudio.app.client.insight.SimulatorInfo;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Whisk Studio simulator's own API ({@code /sim/v1}) on one target, with the same key as its OpenWhisk API:
 * what the simulator is, its container pool, each activation's insight, and the live event stream. Calls block: run
 * them off the UI thread. A failing answer is an {@link OpenWhiskException}; a target that cannot be reached gives
 * the plain {@link IOException} of the connection.
 */
public final class SimulatorInsightClient implements AutoCloseable {
    /** The simulator sends a keep-alive every 15 s: three missed mean the connection is gone. */
    static final Duration EVENTS_READ_TIMEOUT = Duration.ofSeconds(45);

    private final SimulatorApi api;
    private final OkHttpClient eventHttp;
    private final ObjectMapper json;
    private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();

    public SimulatorInsightClient(Target target) {
        this(target.apiHost(), target.auth());
    }

    public SimulatorInsightClient(String apiHost, String auth) {
        this.api = new SimulatorApi(apiHost, auth);
        this.json = api.json;
        // an event stream holds its connection for as long as it lasts: more of them than OkHttp's default of five
        // per host must not wait for each other
        Dispatcher streams = new Dispatcher();
        streams.setMaxRequestsPerHost(64);
        this.eventHttp = api.http.newBuilder().dispatcher(streams).readTimeout(EVENTS_READ_TIMEOUT)
                .callTimeout(Duration.ZERO).build();
    }

    /**
     * What the simulator is; empty when the target answers 404, as a cluster does: it is no Whisk Studio simulator.
     */
    public Optional<SimulatorInfo> info() throws IOException {
        try {
            return Optional.of(SimulatorInfo.fromJson(get(api.url().build())));
        } catch (OpenWhiskException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The container pool now; another key's containers come without their namespace and action. */
    public PoolView pool() throws IOException {
        return PoolView.fromJson(get(api.url().addPathSegment("pool").build()));
    }

    /** One activation's insight, with its params; empty when the simulator has none for it. */
    public Optional<ActivationInsight> insight(String namespace, String activationId) throws IOException {
        HttpUrl url = api.url().addPathSegment("namespaces").addPathSegment(namespace)
                .addPathSegment("activations").addPathSegment(activationId).addPathSegment("insight").build();
        try {
            return Optional.of(ActivationInsight.fromJson(get(url)));
        } catch (OpenWhiskException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Insights of a namespace's activations, newest first, with their params.
     *
     * @param since only activations that started at or after this epoch ms (0: no bound)
     * @param upto  only activations that started at or before this epoch ms (0: no bound)
     * @param limit at most this many, up to 10,000 (0: the simulator's default, 1,000)
     */
    public List<ActivationInsight> insights(String namespace, long since, long upto, int limit) throws IOException {
        HttpUrl.Builder url = api.url().addPathSegment("namespaces").addPathSegment(namespace)
                .addPathSegment("insight");
        if (since > 0) {
            url.addQueryParameter("since", Long.toString(since));
        }
        if (upto > 0) {
            url.addQueryParameter("upto", Long.toString(upto));
        }
        if (limit > 0) {
            url.addQueryParameter("limit", Integer.toString(limit));
        }
        JsonNode answer = get(url.build());
        if (!answer.isArray()) {
            throw new IOException("the insight list is not a JSON array");
        }
        List<ActivationInsight> out = new ArrayList<>(answer.size());
        answer.forEach(i -> out.add(ActivationInsight.fromJson(i)));
        return out;
    }

    /**
     * Subscribes to the live events of one namespace of the key ({@code _} for its own), or of all of them (null).
     * Returns at once; the listener hears {@link SimulatorEventListener#onOpen} when the stream is open, and how it
     * ended. It is not reconnected: that is the caller's choice.
     */
    public EventSubscription events(String namespace, SimulatorEventListener listener) {
        HttpUrl.Builder url = api.url().addPathSegment("events");
        if (namespace != null) {
            url.addQueryParameter("ns", namespace);
        }
        Request request = api.request(url.build()).header("Accept", "text/event-stream").build();
        Subscription subscription = new Subscription(listener);
        subscriptions.add(subscription);
        subscription.source = EventSources.createFactory(eventHttp).newEventSource(request, subscription);
        return subscription;
    }

    private JsonNode get(HttpUrl url) throws IOException {
        return api.send(api.http, api.request(url).get().build());
    }

    /** One event stream: turns the stream's events into the listener's calls, and ends once. */
    private final class Subscription extends EventSourceListener implements EventSubscription {
        private final SimulatorEventListener listener;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile EventSource source;

        Subscription(SimulatorEventListener listener) {
            this.listener = listener;
        }

        @Override
        public boolean isOpen() {
            return !ended.get();
        }

        @Override
        public void close() {
            if (ended.compareAndSet(false, true)) {
                subscriptions.remove(this);
                source.cancel();
            }
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            deliver(eventSource, listener::onOpen);
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            if (ended.get()) {
                return;
            }
            JsonNode parsed;
            try {
                parsed = json.readTree(data);
            } catch (JsonProcessingException e) {
                fail(eventSource, new IOException("the simulator sent a '" + type + "' event that is not JSON", e));
                return;
            }
            switch (type == null ? "" : type) {
                case "activation-start" ->
                        deliver(eventSource, () -> listener.onActivationStarted(ActivationEvent.started(parsed)));
                case "activation" ->
                        deliver(eventSource, () -> listener.onActivationRecorded(ActivationEvent.recorded(parsed)));
                case "activation-end" -> deliver(eventSource,
                        () -> listener.onActivationEnded(parsed.path("activationId").asText()));
                case "pool" -> deliver(eventSource, () -> listener.onPool(PoolView.fromJson(parsed)));
                case "debug" -> deliver(eventSource, () -> listener.onDebug(DebugEvent.fromJson(parsed)));
                default -> {
                    // an event a later simulator may add: not for this client
                }
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            if (ended.compareAndSet(false, true)) {
                subscriptions.remove(this);
                listener.onClosed();
            }
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            IOException error;
            if (response != null && !response.isSuccessful()) {
                error = ApiAddress.failure(json, response.code(), response.message(), bodyOf(response));
            } else if (t instanceof IOException io) {
                error = io;
            } else if (response != null) {
                error = new IOException("the answer to the event stream request is not an event stream ("
                        + response.header("Content-Type") + ")", t);
            } else {
                error = new IOException("the event stream failed", t);
            }
            fail(eventSource, error);
        }

        private String bodyOf(Response response) {
            try {
                return response.body().string();
            } catch (IOException | IllegalStateException e) {
                return "";
            }
        }

        /** Calls the listener; should it throw, the subscription ends and the listener hears why. */
        private void deliver(EventSource eventSource, Runnable call) {
            if (ended.get()) {
                return;
            }
            try {
                call.run();
            } catch (RuntimeException e) {
                fail(eventSource, new IOException("the event listener failed: " + e, e));
            }
        }

        /** Ends the subscription and tells the listener why (the source given: the field may not be set yet). */
        private void fail(EventSource eventSource, IOException error) {
            if (ended.compareAndSet(false, true)) {
                subscriptions.remove(this);
                eventSource.cancel();
                listener.onError(error);
            }
        }
    }

    /** Ends every subscription (their listeners hear nothing more) and lets go of connections and threads at once. */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        eventHttp.dispatcher().executorService().shutdown();
        api.close();
    }

    @Override
    public String toString() {
        return "SimulatorInsightClient[" + api + "]";
    }
}
