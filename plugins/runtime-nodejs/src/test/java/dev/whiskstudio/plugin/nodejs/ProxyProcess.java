package dev.whiskstudio.plugin.nodejs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.plugin.ProxyLaunch;
import dev.whiskstudio.plugin.RuntimeProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** One running proxy process for a test: its ready port, its output line by line, and an HTTP client to it. */
final class ProxyProcess implements AutoCloseable {
    static final String SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";
    static final Duration READY_WAIT = Duration.ofSeconds(15);
    static final Duration LINE_WAIT = Duration.ofSeconds(10);
    static final Duration HTTP_WAIT = Duration.ofSeconds(20);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer of the proxy to one request. */
    record Reply(int status, JsonNode body) {
        String error() {
            return body.path("error").asText(null);
        }
    }

    private final Process process;
    private final Lines stdout;
    private final Lines stderr;
    private final int port;
    private final HttpClient http;

    private ProxyProcess(Process process) {
        this.process = process;
        this.stdout = new Lines(process.getInputStream(), "stdout-" + process.pid());
        this.stderr = new Lines(process.getErrorStream(), "stderr-" + process.pid());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(HTTP_WAIT).build();
        this.port = readyPort();
    }

    static ProxyProcess start(ProxyLaunch launch, Map<String, String> extraEnvironment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.workingDir().toFile());
        builder.environment().putAll(launch.environment());
        builder.environment().putAll(extraEnvironment);
        return new ProxyProcess(builder.start());
    }

    static boolean nodeOnPath() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int readyPort() {
        String first = stdout.next(READY_WAIT);
        if (first == null || !first.startsWith(RuntimeProvider.READY_LINE_PREFIX)) {
            process.destroyForcibly();
            fail("expected the ready line, got " + first + "; stderr: " + stderr.drain());
        }
        return Integer.parseInt(first.substring(RuntimeProvider.READY_LINE_PREFIX.length()));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Reply post(String path, String json) {
        try {
            HttpResponse<String> response = http.send(request(path, json), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<Reply> postAsync(String path, String json) {
        return http.sendAsync(request(path, json), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            try {
                return new Reply(response.statusCode(), JSON.readTree(response.body()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    HttpRequest request(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(HTTP_WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    HttpClient http() {
        return http;
    }

    /** The stdout lines up to the next sentinel (which is consumed, not returned). */
    List<String> stdoutUntilSentinel() {
        return stdout.untilSentinel();
    }

    List<String> stderrUntilSentinel() {
        return stderr.untilSentinel();
    }

    /** Stops the process and waits for it and any process it started to be gone. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping proxy " + pid(), e);
        }
    }

    private void stop() throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        process.destroy();
        if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            assertTrue(process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS), "proxy did not exit");
        }
        for (ProcessHandle handle : family) {
            handle.destroyForcibly();
            handle.onExit().orTimeout(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS).exceptionally(t -> handle).join();
            assertFalse(handle.isAlive(), "process " + handle.pid() + " outlived the test");
        }
        stdout.join();
        stderr.join();
    }

    /** A stream read on its own thread into a queue of lines; an empty Optional marks the end. */
    private static final class Lines {
        private final LinkedBlockingQueue<Optional<String>> queue = new LinkedBlockingQueue<>();
        private final Thread reader;

        Lines(InputStream in, String name) {
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        queue.add(Optional.of(line));
                    }
                } catch (IOException e) {
                    // The process was destroyed while we read: the stream simply ends.
                } finally {
                    queue.add(Optional.empty());
                }
            }, name);
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line, or null at the end of the stream; fails the test after the wait. */
        String next(Duration wait) {
            try {
                Optional<String> line = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    fail("no output line within " + wait);
                }
                if (line.isEmpty()) {
                    queue.add(line);
                }
                return line.orElse(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> untilSentinel() {
            List<String> lines = new ArrayList<>();
            for (String line; !SENTINEL.equals(line = next(LINE_WAIT)); ) {
                if (line == null) {
                    fail("stream ended before the sentinel; lines: " + lines);
                }
                lines.add(line);
            }
            return lines;
        }

        String drain() {
            List<Optional<String>> rest = new ArrayList<>();
            queue.drainTo(rest);
            return rest.stream().flatMap(Optional::stream).toList().toString();
        }

        void join() throws InterruptedException {
            reader.join(EXIT_WAIT.toMillis());
            assertFalse(reader.isAlive(), "reader thread " + reader.getName() + " still running");
        }
    }
}
