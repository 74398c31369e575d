package dev.whiskstudio.app.client;

import dev.whiskstudio.sim.config.Credential;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A cluster's 503, which the simulator never answers: a gateway's HTML page, an overloaded controller's JSON. */
class OpenWhiskClientErrorsTest {
    private final MockWebServer cluster = new MockWebServer();
    private OpenWhiskClient client;

    @BeforeEach
    void start() throws Exception {
        cluster.start();
        String host = cluster.url("/").toString();
        client = new OpenWhiskClient(host, Credential.GUEST.auth());
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void aGatewaysHtmlPageBecomesTheStatusAndItsReason() throws Exception {
        cluster.enqueue(new MockResponse.Builder().code(503).status("HTTP/1.1 503 Service Unavailable")
                .addHeader("Content-Type", "text/html")
                .body("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>").build());

        OpenWhiskException e = assertThrows(OpenWhiskException.class, () -> client.count("guest", EntityCollection.ACTIONS));

        assertEquals(503, e.status());
        assertEquals("Service Unavailable", e.error());
        assertNull(e.code());
        RecordedRequest request = cluster.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/api/v1/namespaces/guest/actions?count=true", request.getTarget());
        String expected = "Basic " + Base64.getEncoder().encodeToString(Credential.GUEST.auth().getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, request.getHeaders().get("Authorization"));
    }

    @Test
    void thePlatformsOwnErrorBodyIsKeptWordForWord() {
        cluster.enqueue(new MockResponse.Builder().code(503)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":\"System is overloaded, try again later.\",\"code\":\"a7b2c9\"}").build());

        OpenWhiskException e = assertThrows(OpenWhiskException.class, client::namespaces);

        assertEquals(503, e.status());
        assertEquals("System is overloaded, try again later.", e.error());
        assertEquals("a7b2c9", e.code());
        assertEquals("System is overloaded, try again later. (HTTP 503)", e.getMessage());
    }
}
