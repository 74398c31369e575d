package dev.whiskstudio.plugin.nodejs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.plugin.ProxyLaunch;
import dev.whiskstudio.plugin.ProxyRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Starts real proxies through {@link NodejsRuntime#launch} and stops every one after each test. */
@Timeout(120)
abstract class ProxyTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final List<ProxyProcess> started = new ArrayList<>();

    @BeforeAll
    static void requireNode() {
        assumeTrue(ProxyProcess.nodeOnPath(), "node is not on the PATH");
    }

    @AfterEach
    void stopProxies() {
        for (ProxyProcess proxy : started) {
            proxy.close();
        }
        started.clear();
    }

    ProxyProcess startProxy() {
        return startProxy(Map.of());
    }

    ProxyProcess startProxy(Map<String, String> extraEnvironment) {
        try {
            Path scratch = Files.createTempDirectory(temp, "scratch-");
            NodejsRuntime runtime = new NodejsRuntime("node", temp.resolve("cache"));
            ProxyLaunch launch = runtime.launch(new ProxyRequest("nodejs:20", 0, 256, scratch));
            ProxyProcess proxy = ProxyProcess.start(launch, extraEnvironment);
            started.add(proxy);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A proxy initialised with inline code whose entry is {@code main}. */
    ProxyProcess startInitialized(String code) {
        ProxyProcess proxy = startProxy();
        ProxyProcess.Reply init = proxy.post("/init", initBody("main", code, false, Map.of()));
        assertEquals(200, init.status(), () -> "init failed: " + init.body());
        return proxy;
    }

    static String initBody(String main, String code, boolean binary, Map<String, Object> env) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "test-action");
        value.put("main", main);
        value.put("code", code);
        value.put("binary", binary);
        value.put("env", env);
        return json(Map.of("value", value));
    }

    static String runBody(Map<String, ?> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", params);
        body.put("namespace", "guest");
        body.put("action_name", "/guest/test-action");
        body.put("action_version", "0.0.1");
        body.put("activation_id", "0123456789abcdef0123456789abcdef");
        body.put("deadline", "4102444800000");
        body.put("api_key", "uuid:key");
        body.put("transaction_id", "tid-1");
        return json(body);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
