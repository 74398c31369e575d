package dev.whiskstudio.app.client;

import dev.whiskstudio.app.client.insight.EventSubscription;
import dev.whiskstudio.sim.config.Credential;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A real cluster has no {@code /sim/v1} and answers 404, which the embedded simulator never does there: a mock
 * server stands in for the cluster.
 */
class SimulatorInsightClientNotASimulatorTest {
    private static final String CLUSTER_404 = "{\"error\":\"The requested resource could not be found.\",\"code\":\"4f1c2a\"}";
    private final MockWebServer cluster = new MockWebServer();
    private SimulatorInsightClient client;

    @BeforeEach
    void start() throws Exception {
        cluster.start();
        client = new SimulatorInsightClient(cluster.url("/").toString(), Credential.GUEST.auth());
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    private void answer404() {
        cluster.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                .body(CLUSTER_404).build());
    }

    @Test
    void infoIsEmptyOnAClustersNotFound() throws Exception {
        answer404();
        assertEquals(Optional.empty(), client.info());
        RecordedRequest request = cluster.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/sim/v1", request.getTarget());
        assertEquals("GET", request.getMethod());
    }

    @Test
    void thePoolOfAClusterIsANotFoundError() {
        answer404();
        OpenWhiskException e = assertThrows(OpenWhiskException.class, client::pool);
        assertEquals(404, e.status());
        assertEquals("The requested resource could not be found.", e.error());
        assertEquals("4f1c2a", e.code());
    }

    @Test
    void aClustersEventStreamIsANotFoundErrorToTheListener() throws Exception {
        answer404();
        RecordingListener listener = new RecordingListener();
        EventSubscription events = client.events(null, listener);
        IOException error = (IOException) listener.next(Duration.ofSeconds(10), "an error",
                h -> h.what().equals("error")).value();
        assertEquals(404, assertInstanceOf(OpenWhiskException.class, error).status());
        assertFalse(events.isOpen());
        assertEquals("/sim/v1/events", cluster.takeRequest(5, TimeUnit.SECONDS).getTarget());
    }
}
