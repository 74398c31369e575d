package dev.whiskstudio.app.workspace.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** A real simulator on loopback for a test, with the guest key, a client, and plain HTTP for what the client lacks. */
final class SimulatorTarget implements AutoCloseable {
    static final String GUEST = Credential.GUEST.namespace();
    private static final ObjectMapper JSON = new ObjectMapper();

    final Simulator sim;
    final OpenWhiskClient client;
    final TargetEntry entry;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();

    SimulatorTarget(Path dataDir, Profile profile) throws Exception {
        sim = Simulator.start(SimConfig.defaults(dataDir, profile).withPort(0));
        client = new OpenWhiskClient(sim.apiHost(), Credential.GUEST.auth());
        entry = TargetEntry.of(new Target("Local simulator", sim.apiHost(), Credential.GUEST.auth()), null,
                TargetSource.SIMULATOR, null);
    }

    /** A GET without credentials, as a browser calls a web action. */
    JsonNode web(String path) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(sim.apiHost() + path).build()).execute()) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new AssertionError("GET " + path + " answered " + r.code() + ": " + body);
            }
            return JSON.readTree(body);
        }
    }

    /** Fires a trigger ({@code POST /triggers/NAME}) and answers the status. */
    int fire(String trigger, JsonNode payload) throws IOException {
        Request request = new Request.Builder()
                .url(sim.apiHost() + "/api/v1/namespaces/" + GUEST + "/triggers/" + trigger)
                .header("Authorization", Credentials.basic(Credential.GUEST.uuid(), Credential.GUEST.key()))
                .post(RequestBody.create(JSON.writeValueAsBytes(payload), MediaType.get("application/json")))
                .build();
        try (Response r = http.newCall(request).execute()) {
            return r.code();
        }
    }

    /** Waits with a bound until {@code value} is non-null. */
    static <T> T await(Duration limit, String what, Supplier<T> value) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        client.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        sim.close();
    }
}
