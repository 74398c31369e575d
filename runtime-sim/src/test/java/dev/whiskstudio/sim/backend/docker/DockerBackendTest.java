package dev.whiskstudio.sim.backend.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.whiskstudio.plugin.PluginRegistry;
import dev.whiskstudio.plugin.ProxyLaunch;
import dev.whiskstudio.plugin.ProxyRequest;
import dev.whiskstudio.plugin.RuntimeKind;
import dev.whiskstudio.plugin.RuntimeProvider;
import dev.whiskstudio.plugin.nodejs.NodejsRuntime;
import dev.whiskstudio.sim.backend.ContainerSpec;
import dev.whiskstudio.sim.backend.ContainerStartException;
import dev.whiskstudio.sim.backend.OutputLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Docker backend against a real engine (the one {@code DOCKER_HOST} names; {@code .ci/docker-engine.sh} starts
 * one). Without an engine every test here is skipped, one by one.
 */
class DockerBackendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KIND = "nodejs:20";
    private static final String SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";
    private static final String ECHO_ACTION = """
            function main(params) {
              console.log('out-line');
              console.error('err-line');
              return { hello: params.name, namespace: process.env.__OW_NAMESPACE, apiHost: process.env.__OW_API_HOST };
            }""";
    private static Boolean engineUp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<DockerBackend> backends = new ArrayList<>();

    @AfterEach
    void closeBackends() {
        backends.forEach(DockerBackend::close);
    }

    @Test
    void imageIsBuiltOnceAndThenFoundByItsTag() throws Exception {
        requireEngine();
        DockerBackend first = backend(owner());
        long t0 = System.nanoTime();
        RuntimeImage image = first.prepareImage(KIND);
        long prepareMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("timing: image %s %s in %d ms%n", image.reference(), image.built() ? "built" : "found",
                prepareMs);

        RuntimeImage again = backend(owner()).prepareImage(KIND);
        assertFalse(again.built(), "the second backend finds the image by its tag");
        assertEquals(image.reference(), again.reference());

        try (DockerEngine engine = DockerEngine.connect(config(owner()).dockerHost())) {
            InspectImageResponse inspected = engine.client().inspectImageCmd(image.reference()).exec();
            Map<String, String> labels = inspected.getConfig().getLabels();
            assertEquals("nodejs", labels.get(RuntimeImages.LABEL_RUNTIME));
            assertEquals(image.programPath(), labels.get(RuntimeImages.LABEL_PROGRAM));
            assertTrue(labels.get(RuntimeImages.LABEL_KINDS).contains(KIND), labels.toString());
            assertTrue(image.reference().endsWith(":" + labels.get(RuntimeImages.LABEL_DIGEST).substring(0, 16)));
        }
    }

    @Test
    void containerAnswersInitAndRunOnLoopback() throws Exception {
        requireEngine();
        String owner = owner();
        DockerBackend backend = backend(owner);
        backend.prepareImage(KIND);

        long t0 = System.nanoTime();
        DockerContainer container = backend.start(spec("answers", 256,
                Map.of("__OW_API_HOST", "http://127.0.0.1:3233")));
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(container.port() > 0);

        assertEquals(200, post(container, "/init", initBody(ECHO_ACTION)).statusCode());
        HttpResponse<String> run = null;
        long[] roundTripsMicros = new long[5];
        for (int i = 0; i < roundTripsMicros.length; i++) {
            long r0 = System.nanoTime();
            run = post(container, "/run", runBody(Map.of("name", "docker")));
            roundTripsMicros[i] = (System.nanoTime() - r0) / 1000;
        }
        assertEquals(200, run.statusCode(), run.body());
        JsonNode result = JSON.readTree(run.body());
        assertEquals("docker", result.path("hello").asText());
        assertEquals("guest", result.path("namespace").asText());
        assertEquals("http://127.0.0.1:3233", result.path("apiHost").asText());

        long m0 = System.nanoTime();
        long memory = container.residentMemoryBytes();
        long statsMs = (System.nanoTime() - m0) / 1_000_000;
        assertTrue(memory > 1_000_000 && memory < 256L << 20, "resident memory " + memory);
        System.out.printf("timing: container start to ready %d ms; /run round trips (us) %s; resident %d MB read "
                + "in %d ms%n", startMs, java.util.Arrays.toString(roundTripsMicros), memory >> 20, statsMs);

        try (DockerEngine engine = DockerEngine.connect(config(owner).dockerHost())) {
            InspectContainerResponse inspected = engine.client().inspectContainerCmd(container.id()).exec();
            assertEquals("host", inspected.getHostConfig().getNetworkMode());
            assertEquals(256L << 20, inspected.getHostConfig().getMemory());
            assertEquals(owner, inspected.getConfig().getLabels().get(DockerBackend.LABEL_OWNER));
            assertTrue(List.of(inspected.getConfig().getEnv()).contains("__OW_PROXY_PORT=0"));
        }
    }

    @Test
    void outputLinesArriveWithTheirStreamIncludingTheSentinels() throws Exception {
        requireEngine();
        DockerContainer container = backend(owner()).start(spec("output", 256, Map.of()));
        List<OutputLine> lines = new CopyOnWriteArrayList<>();
        container.onOutput(lines::add);
        assertEquals(200, post(container, "/init", initBody(ECHO_ACTION)).statusCode());
        assertEquals(200, post(container, "/run", runBody(Map.of("name", "x"))).statusCode());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(has(lines, false, SENTINEL) && has(lines, true, SENTINEL)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<String> stdout = lines.stream().filter(l -> !l.stderr()).map(OutputLine::text).toList();
        List<String> stderr = lines.stream().filter(OutputLine::stderr).map(OutputLine::text).toList();
        assertEquals(List.of("out-line", SENTINEL), stdout);
        assertEquals(List.of("err-line", SENTINEL), stderr);
        assertTrue(lines.stream().allMatch(l -> l.epochMillis() > 0));
    }

    @Test
    void actionExceedingItsMemoryLimitIsKilledAndReportedOomKilled() throws Exception {
        requireEngine();
        DockerContainer container = backend(owner()).start(spec("hog", 128, Map.of()));
        String hog = """
                function main() {
                  const kept = [];
                  for (;;) { kept.push(Buffer.alloc(16 * 1024 * 1024, 1)); }
                }""";
        assertEquals(200, post(container, "/init", initBody(hog)).statusCode());
        try {
            HttpResponse<String> answer = post(container, "/run", runBody(Map.of()));
            fail("the action answered although it should have been killed: " + answer.statusCode() + " " + answer.body());
        } catch (IOException expected) {
            // The connection drops when the kernel kills the proxy.
        }
        long dropped = System.nanoTime();
        ContainerExit exit = container.exitStatus().get(15, TimeUnit.SECONDS);
        System.out.printf("timing: OOM exit known %d ms after the connection dropped%n",
                (System.nanoTime() - dropped) / 1_000_000);
        assertTrue(exit.oomKilled(), exit.toString());
        assertFalse(exit.destroyed());
        assertTrue(container.oomKilled());
        assertTrue(container.exited().isDone());
        // not destroyed here: closing the backend removes the exited container too
    }

    @Test
    void closingTheBackendRemovesContainersThatExitedOnTheirOwn() throws Exception {
        requireEngine();
        String owner = owner();
        DockerBackend backend = backend(owner);
        DockerContainer container = backend.start(spec("quitter", 128, Map.of()));
        assertEquals(200, post(container, "/init", initBody("function main() { process.exit(3); }")).statusCode());
        try {
            post(container, "/run", runBody(Map.of()));
        } catch (IOException expected) {
            // the process exits under the request
        }
        container.exitStatus().get(15, TimeUnit.SECONDS);

        backend.close();

        try (DockerEngine engine = DockerEngine.connect(config(owner).dockerHost())) {
            assertEquals(List.of(), engine.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(DockerBackend.LABEL_OWNER, owner)).exec(), "nothing of it is left");
        }
    }

    @Test
    void pausedContainerDoesNotAnswerUntilResumed() throws Exception {
        requireEngine();
        DockerContainer container = backend(owner()).start(spec("pause", 256, Map.of()));
        assertEquals(200, post(container, "/init", initBody(ECHO_ACTION)).statusCode());

        container.pause();
        container.pause(); // pausing twice is harmless
        HttpRequest probe = runRequest(container, runBody(Map.of("name", "p")), Duration.ofSeconds(1));
        Exception silent = assertThrows(IOException.class, () -> http.send(probe, HttpResponse.BodyHandlers.ofString()));
        assertInstanceOf(HttpTimeoutException.class, silent);

        long t0 = System.nanoTime();
        container.resume();
        HttpResponse<String> answer = post(container, "/run", runBody(Map.of("name", "after")));
        System.out.printf("timing: resume and /run %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(200, answer.statusCode());
        assertEquals("after", JSON.readTree(answer.body()).path("hello").asText());
        assertFalse(container.exited().isDone());
    }

    @Test
    void destroyRemovesTheContainer() throws Exception {
        requireEngine();
        String owner = owner();
        DockerBackend backend = backend(owner);
        DockerContainer container = backend.start(spec("doomed", 256, Map.of()));
        assertEquals(1, containersOf(owner).size());

        container.destroy();
        container.exited().get(10, TimeUnit.SECONDS);
        assertTrue(container.exitStatus().get().destroyed());
        assertEquals(List.of(), containersOf(owner), "docker ps -a shows nothing with the owner label");
        container.destroy(); // again: nothing happens
        assertEquals(List.of(), backend.containers());
    }

    @Test
    void removeOrphansRemovesWhatAnUnclosedBackendOfTheSameOwnerLeft() throws Exception {
        requireEngine();
        String owner = owner();
        String otherOwner = owner();
        DockerBackend crashed = backend(owner);          // stands for a run killed with kill -9: never closed
        DockerContainer orphan = crashed.start(spec("orphan", 256, Map.of()));
        DockerContainer someoneElses = backend(otherOwner).start(spec("other", 256, Map.of()));

        DockerBackend next = backend(owner);
        DockerContainer own = next.start(spec("current", 256, Map.of()));
        next.removeOrphans();

        assertEquals(List.of(own.id()), containersOf(owner), "only the new run's container is left");
        assertEquals(List.of(someoneElses.id()), containersOf(otherOwner), "another simulator's is untouched");
        orphan.exited().get(10, TimeUnit.SECONDS);
        assertEquals(200, post(own, "/init", initBody(ECHO_ACTION)).statusCode());
    }

    @Test
    void closeDestroysEverythingTheBackendStarted() throws Exception {
        requireEngine();
        String owner = owner();
        DockerBackend backend = backend(owner);
        DockerContainer a = backend.start(spec("a", 128, Map.of()));
        DockerContainer b = backend.start(spec("b", 128, Map.of()));
        backend.close();
        a.exited().get(10, TimeUnit.SECONDS);
        b.exited().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), containersOf(owner));
        assertThrows(ContainerStartException.class, () -> backend.start(spec("late", 128, Map.of())));
    }

    @Test
    void aProxyThatExitsBeforeReadyFailsTheStartWithItsOutput() throws Exception {
        requireEngine();
        String owner = owner();
        DockerBackend backend = backend(owner, config(owner), new CommandRuntime(
                List.of("-e", "console.error('cannot start: boom'); process.exit(3)")));
        ContainerStartException e = assertThrows(ContainerStartException.class,
                () -> backend.start(spec("broken", 128, Map.of())));
        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("[stderr] cannot start: boom"), e.getMessage());
        assertEquals(List.of(), containersOf(owner), "the failed container is removed");
    }

    @Test
    void aProxyThatNeverGetsReadyTimesOut() throws Exception {
        requireEngine();
        String owner = owner();
        DockerBackend backend = backend(owner, config(owner).withReadyTimeout(Duration.ofSeconds(1)),
                new CommandRuntime(List.of("-e", "console.log('thinking'); setInterval(() => {}, 1000)")));
        ContainerStartException e = assertThrows(ContainerStartException.class,
                () -> backend.start(spec("slow", 128, Map.of())));
        assertTrue(e.getMessage().contains("ready line"), e.getMessage());
        assertTrue(e.getMessage().contains("[stdout] thinking"), e.getMessage());
        assertEquals(List.of(), containersOf(owner));
    }

    // ---- helpers

    private static void requireEngine() {
        if (engineUp == null) {
            engineUp = DockerBackend.engineAnswers(config("probe"));
        }
        assumeTrue(engineUp, "no Docker engine answers at " + config("probe").dockerHost()
                + " (source .ci/docker-engine.sh to start one)");
    }

    private static DockerBackendConfig config(String owner) {
        return DockerBackendConfig.fromEnvironment(owner, System.getenv());
    }

    private static String owner() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private DockerBackend backend(String owner) {
        return backend(owner, config(owner), new NodejsRuntime());
    }

    private DockerBackend backend(String owner, DockerBackendConfig config, RuntimeProvider runtime) {
        DockerBackend backend = new DockerBackend(config, new PluginRegistry(List.of(runtime), List.of()));
        backends.add(backend);
        return backend;
    }

    private static ContainerSpec spec(String name, int memoryMb, Map<String, String> env) {
        return new ContainerSpec(name, KIND, memoryMb, env);
    }

    private static List<String> containersOf(String owner) {
        try (DockerEngine engine = DockerEngine.connect(config(owner).dockerHost())) {
            return engine.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(DockerBackend.LABEL_OWNER, owner)).exec()
                    .stream().map(com.github.dockerjava.api.model.Container::getId).toList();
        }
    }

    private static boolean has(List<OutputLine> lines, boolean stderr, String text) {
        return lines.stream().anyMatch(l -> l.stderr() == stderr && l.text().equals(text));
    }

    private HttpResponse<String> post(DockerContainer container, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + container.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest runRequest(DockerContainer container, String body, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + container.port() + "/run"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String initBody(String code) {
        ObjectNode value = JSON.createObjectNode();
        value.put("name", "test").put("main", "main").put("code", code).put("binary", false);
        value.putObject("env");
        ObjectNode body = JSON.createObjectNode();
        body.set("value", value);
        return body.toString();
    }

    private static String runBody(Map<String, String> params) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode value = body.putObject("value");
        params.forEach(value::put);
        body.put("namespace", "guest").put("action_name", "/guest/test").put("action_version", "0.0.1")
                .put("activation_id", UUID.randomUUID().toString().replace("-", ""))
                .put("deadline", Long.toString(System.currentTimeMillis() + 60_000))
                .put("api_key", "key").put("transaction_id", "tx");
        return body.toString();
    }

    /** A runtime with node's image whose container runs node with other arguments instead of the proxy. */
    private static final class CommandRuntime implements RuntimeProvider {
        private final NodejsRuntime nodejs = new NodejsRuntime();
        private final List<String> nodeArguments;

        CommandRuntime(List<String> nodeArguments) {
            this.nodeArguments = nodeArguments;
        }

        @Override
        public String id() {
            return nodejs.id(); // the same image as the real runtime's: nothing more to build
        }

        @Override
        public List<RuntimeKind> kinds() {
            return nodejs.kinds();
        }

        @Override
        public ProxyLaunch launch(ProxyRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, byte[]> proxyFiles() {
            return nodejs.proxyFiles();
        }

        @Override
        public List<String> containerCommand(ProxyRequest request, String programPath) {
            List<String> command = new ArrayList<>();
            command.add(programPath);
            command.addAll(nodeArguments);
            return command;
        }
    }
}
