package dev.whiskstudio.app.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.plugin.ProxyLaunch;
import dev.whiskstudio.plugin.ProxyRequest;
import dev.whiskstudio.plugin.RuntimeProvider;
import dev.whiskstudio.plugin.nodejs.NodejsRuntime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A {@link DebugBackend} for tests and benchmarks that does what the simulator's debug sessions do, on the spot: it
 * starts our action proxy the way the process backend does (the runtime plugin's launch command, environment and
 * work directory) with {@code --inspect=127.0.0.1:0} added, initialises it with the action's code ({@code /init}),
 * and sends it activations ({@code /run}). It records what it was told about pauses, and stop() kills the process.
 */
public final class LocalProxyBackend implements DebugBackend {
    private static final String LISTENING = "Debugger listening on ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The action: inline code, or a zip of a folder. */
    public record ActionCode(String main, String code, boolean binary) {
        public static ActionCode inline(String code) {
            return new ActionCode("main", code, false);
        }

        /** A zip of every file under {@code folder}, paths relative to it. */
        public static ActionCode zipOf(Path folder, String main) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return new ActionCode(main, Base64.getEncoder().encodeToString(bytes.toByteArray()), true);
        }
    }

    /** An answer of the proxy. */
    public record Reply(int status, JsonNode body) {
    }

    private final Path scratch;
    private final ActionCode action;
    private final RuntimeProvider runtime;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Boolean> pausedCalls = Collections.synchronizedList(new ArrayList<>());
    private volatile Process process;
    private volatile OutputLines stdout;
    private volatile OutputLines stderr;
    private volatile int port;
    private volatile boolean stopped;

    /**
     * @param scratch a directory for the proxy's files and the container's work directory (no symbolic links in its
     *                path: Node.js names required files by their real path)
     */
    public LocalProxyBackend(Path scratch, ActionCode action) throws IOException {
        this.scratch = scratch.toRealPath();
        this.action = action;
        this.runtime = new NodejsRuntime("node", this.scratch.resolve("runtime-cache"));
    }

    public Path workDir() {
        return scratch.resolve("container");
    }

    @Override
    public DebugTarget start() throws IOException {
        Files.createDirectories(workDir());
        ProxyLaunch launch = runtime.launch(new ProxyRequest("nodejs:20", 0, 256, workDir()));
        List<String> command = new ArrayList<>(launch.command());
        command.add(1, "--inspect=127.0.0.1:0");
        ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workingDir().toFile());
        builder.environment().putAll(launch.environment());
        Process p = builder.start();
        process = p;
        stdout = new OutputLines(p.getInputStream(), "proxy-out-" + p.pid());
        stderr = new OutputLines(p.getErrorStream(), "proxy-err-" + p.pid());
        try {
            String ready = stdout.await(l -> l.startsWith(RuntimeProvider.READY_LINE_PREFIX), Duration.ofSeconds(15))
                    .orElseThrow(() -> new IOException("the proxy did not get ready: " + stderr.all()));
            port = Integer.parseInt(ready.substring(RuntimeProvider.READY_LINE_PREFIX.length()).trim());
            String inspector = stderr.await(l -> l.startsWith(LISTENING), Duration.ofSeconds(5))
                    .orElseThrow(() -> new IOException("the proxy's inspector did not start: " + stderr.all()))
                    .substring(LISTENING.length()).trim();
            ObjectNode value = JSON.createObjectNode().put("main", action.main()).put("code", action.code())
                    .put("binary", action.binary());
            Reply init = post("/init", JSON.createObjectNode().set("value", value)).get(15, TimeUnit.SECONDS);
            if (init.status() != 200) {
                throw new IOException("/init failed: " + init.status() + " " + init.body());
            }
            String scriptUrl = action.binary() ? null : FileUrls.of(workDir().resolve("action.js").toString());
            return new DebugTarget(Long.toString(p.pid()), inspector, scriptUrl, workDir().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(null);
            throw new IOException("interrupted", e);
        } catch (Exception e) {
            stop(null);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Sends an activation; the answer comes when the action finishes (it waits while the debugger holds it). */
    public CompletableFuture<Reply> run(JsonNode params) {
        return post("/run", JSON.createObjectNode().set("value", params));
    }

    private CompletableFuture<Reply> post(String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            try {
                return new Reply(r.statusCode(), JSON.readTree(r.body()));
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + r.body(), e);
            }
        });
    }

    @Override
    public void setPaused(DebugTarget target, boolean paused) {
        pausedCalls.add(paused);
    }

    @Override
    public void stop(DebugTarget target) {
        stopped = true;
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What the session told about pauses, in order. */
    public List<Boolean> pausedCalls() {
        return List.copyOf(pausedCalls);
    }

    public boolean stopped() {
        return stopped;
    }

    public Process process() {
        return process;
    }

    public OutputLines stdout() {
        return stdout;
    }

    public OutputLines stderr() {
        return stderr;
    }
}
