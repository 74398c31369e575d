package dev.whiskstudio.sim.backend.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One connection to a Docker engine: the docker-java client, plus the two calls its typed commands lack (an import
 * that sets labels; one-shot stats that do not wait a second for a CPU sample).
 */
final class DockerEngine implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI host;
    private final DockerHttpClient http;
    private final DockerClient client;

    private DockerEngine(URI host, DockerHttpClient http, DockerClient client) {
        this.host = host;
        this.http = http;
        this.client = client;
    }

    /** Connects lazily: nothing is sent until the first call. */
    static DockerEngine connect(URI host) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.toString())
                .withDockerTlsVerify(false)
                .build();
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return new DockerEngine(host, http, DockerClientImpl.getInstance(config, http));
    }

    URI host() {
        return host;
    }

    DockerClient client() {
        return client;
    }

    /** Whether the engine answers a ping. */
    boolean answers() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code docker import} of a root file system archive as {@code repository:tag}, with labels. docker-java's
     * {@code createImageCmd} is the same call without the {@code changes} that set the labels.
     */
    void importImage(Path tar, String repository, String tag, Map<String, String> labels) throws IOException {
        StringBuilder path = new StringBuilder("/images/create?fromSrc=-")
                .append("&repo=").append(encode(repository))
                .append("&tag=").append(encode(tag));
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            path.append("&changes=").append(encode("LABEL " + label.getKey() + "=" + quoted(label.getValue())));
        }
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path(path.toString())
                .putHeader("Content-Type", "application/x-tar")
                .body(Files.newInputStream(tar))
                .build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            String error = null;
            // The answer is a stream of JSON progress messages; an error may come as one of them with status 200.
            if (response.getStatusCode() / 100 == 2) {
                try (MappingIterator<JsonNode> messages = JSON.readerFor(JsonNode.class).readValues(body)) {
                    while (messages.hasNextValue()) {
                        JsonNode message = messages.nextValue();
                        if (message.hasNonNull("error")) {
                            error = message.get("error").asText();
                        }
                    }
                }
            } else {
                error = "HTTP " + response.getStatusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (error != null) {
                throw new IOException("docker import of " + repository + ":" + tag + " failed: " + error);
            }
        } catch (RuntimeException e) {
            throw new IOException("docker import of " + repository + ":" + tag + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A container's memory use as {@code docker stats} shows it (usage less inactive page cache), from one sample;
     * empty when the engine does not say.
     */
    OptionalLong memoryUsage(String containerId) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + encode(containerId) + "/stats?stream=false&one-shot=true")
                .build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() != 200) {
                return OptionalLong.empty();
            }
            JsonNode memory = JSON.readTree(body).path("memory_stats");
            if (!memory.path("usage").canConvertToLong() || memory.path("usage").asLong() <= 0) {
                return OptionalLong.empty();
            }
            long usage = memory.path("usage").asLong();
            JsonNode stats = memory.path("stats");
            // cgroup v1 names it total_inactive_file, v2 inactive_file (the docker CLI subtracts the same).
            long inactive = stats.has("total_inactive_file") ? stats.path("total_inactive_file").asLong()
                    : stats.path("inactive_file").asLong(0);
            return OptionalLong.of(inactive < usage ? usage - inactive : usage);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // Closing only drops pooled connections to the engine; nothing is lost.
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A LABEL value in Dockerfile syntax. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
