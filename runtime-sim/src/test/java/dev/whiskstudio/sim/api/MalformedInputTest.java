package dev.whiskstudio.sim.api;

import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every write route against a catalogue of bad bodies and query strings: always a 4xx with an error body, never a 500. */
class MalformedInputTest {
    @TempDir
    static Path dataDir;
    static SimHarness sim;

    @BeforeAll
    static void start() {
        sim = new SimHarness(SimConfig.defaults(dataDir, Profile.OPENWHISK));
        sim.guest().put("/api/v1/namespaces/_/triggers/t", "{}");
        sim.guest().put("/api/v1/namespaces/_/actions/a", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"}}");
        sim.guest().put("/api/v1/namespaces/_/rules/r", "{\"trigger\":\"/_/t\",\"action\":\"/_/a\"}");
        sim.guest().put("/api/v1/namespaces/_/packages/p", "{}");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static final List<String> BAD_BODIES = List.of(
            "null", "\"text\"", "42", "[]", "[{}]", "{", "{\"a\":1}x", "{\"a\":1,\"a\":2}",
            "{\"exec\":null,\"limits\":\"x\"}", "{\"exec\":\"x\"}", "{\"exec\":{\"kind\":1}}", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":7}}",
            "{\"exec\":{\"kind\":\"sequence\",\"components\":\"a\"}}", "{\"exec\":{\"kind\":\"sequence\",\"components\":[1]}}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\",\"main\":[]}}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"limits\":{\"timeout\":\"soon\"}}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"limits\":{\"memory\":1e999}}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"limits\":{\"timeout\":99999999999999999999}}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"limits\":{\"timeout\":-5}}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"parameters\":[{\"key\":1,\"value\":2}]}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"annotations\":\"a\"}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"version\":\"one\"}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"version\":7}",
            "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"publish\":1}",
            "{\"binding\":\"pkg\"}", "{\"binding\":{\"name\":5}}", "{\"binding\":{\"namespace\":\"!!\",\"name\":\"x\"}}",
            "{\"trigger\":1,\"action\":\"/_/a\"}", "{\"trigger\":\"/_/t\",\"action\":{}}", "{\"trigger\":\"/a/b/c/d\",\"action\":\"/_/a\"}",
            "{\"status\":1}", "{\"status\":\"on\"}",
            "[".repeat(5000) + "]".repeat(5000));

    @Test
    void everyBadBodyOnEveryWriteRouteIsAClientError() {
        List<String> routes = List.of(
                "PUT /api/v1/namespaces/_/actions/a?overwrite=true", "PUT /api/v1/namespaces/_/actions/new",
                "PUT /api/v1/namespaces/_/actions/p/new", "PUT /api/v1/namespaces/_/packages/p?overwrite=true",
                "PUT /api/v1/namespaces/_/packages/new", "PUT /api/v1/namespaces/_/triggers/t?overwrite=true",
                "PUT /api/v1/namespaces/_/rules/r?overwrite=true", "PUT /api/v1/namespaces/_/rules/new",
                "POST /api/v1/namespaces/_/rules/r");
        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            String[] parts = route.split(" ");
            for (String body : BAD_BODIES) {
                Reply r = sim.guest().send(parts[0], parts[1], body, "application/json");
                boolean ok = r.status() == 200 || (r.status() >= 400 && r.status() < 500 && !r.error().isEmpty());
                if (!ok) {
                    failures.add(route + " " + abbreviate(body) + " -> " + abbreviate(r.text()));
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
        assertEquals(200, sim.guest().get("/api/v1/namespaces/_/actions/a").status(), "the simulator still serves");
    }

    @Test
    void badQueryStringsAreClientErrors() {
        String[] queries = {"/actions?limit=-1", "/actions?limit=1e3", "/actions?skip=x", "/actions?limit=99999999999999999999",
                "/packages?limit=%00", "/activations?since=-1", "/activations?upto=now", "/activations?skip=-3",
                "/activations?name=%20", "/activations?name=a//b/c", "/activations/" + "A".repeat(32)};
        for (String q : queries) {
            Reply r = sim.guest().get("/api/v1/namespaces/_" + q);
            assertTrue(r.status() >= 400 && r.status() < 500, q + " -> " + r);
        }
    }

    @Test
    void badPathsAreClientErrors() {
        String[] paths = {"/api/v1/namespaces/_/actions/a/b/c", "/api/v1/namespaces/_/widgets", "/api/v1/namespaces/_",
                "/api/v1/namespaces/_/actions/%2e%2e", "/api/v1/namespaces/_/rules/r/extra"};
        for (String p : paths) {
            Reply r = sim.guest().get(p);
            assertTrue(r.status() >= 400 && r.status() < 500, p + " -> " + r);
        }
    }

    @Test
    void aBrokenPercentEscapeIsAClientError() throws Exception {
        // java.net.http refuses to send such a URI, so this one goes over a plain socket
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sim.sim().port())) {
            socket.setSoTimeout(10_000);
            String auth = java.util.Base64.getEncoder().encodeToString(
                    dev.whiskstudio.sim.config.Credential.GUEST.auth().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /api/v1/namespaces/%ZZ/actions HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Basic " + auth + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            assertTrue(status >= 400 && status < 500, statusLine);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
