package dev.whiskstudio.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.whiskstudio.sim.invoker.PoolConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link SimConfig} from a YAML file of this shape (every key optional):
 * <pre>
 * profile: adobe-io-runtime
 * port: 3233
 * dataDir: /some/dir
 * activationRetentionHours: 168
 * namespaces:
 *   - name: team-a
 *     auth: "uuid:key"
 * limits:
 *   concurrentInvocations: 100
 *   invocationsPerMinute: 600
 * backend: process            # or docker
 * invoker:
 *   memoryMb: 2048
 *   pauseGraceSeconds: 10
 *   idleTimeoutSeconds: 600
 *   prewarm:
 *     - kind: nodejs:20
 *       memoryMb: 256
 *       count: 2
 * </pre>
 */
public final class SimConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SimConfigLoader() {
    }

    public static SimConfig apply(SimConfig base, Path file) throws IOException {
        JsonNode root = YAML.readTree(Files.readString(file));
        if (root == null || root.isMissingNode() || root.isNull()) {
            return base;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a mapping at the top level");
        }
        SimConfig config = base;
        if (root.has("profile")) {
            config = config.withProfile(Profile.parse(root.get("profile").asText()));
        }
        if (root.has("port")) {
            config = config.withPort(root.get("port").asInt());
        }
        if (root.has("dataDir")) {
            config = config.withDataDir(Path.of(root.get("dataDir").asText()));
        }
        SystemLimits limits = config.limits();
        if (root.has("activationRetentionHours")) {
            limits = limits.withActivationRetention(Duration.ofHours(root.get("activationRetentionHours").asLong()));
        }
        JsonNode limitsNode = root.path("limits");
        if (limitsNode.has("concurrentInvocations")) {
            limits = limits.withConcurrentInvocations(limitsNode.get("concurrentInvocations").asInt());
        }
        if (limitsNode.has("invocationsPerMinute")) {
            limits = limits.withInvocationsPerMinute(limitsNode.get("invocationsPerMinute").asInt());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = limitsNode.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!key.equals("concurrentInvocations") && !key.equals("invocationsPerMinute")) {
                throw new IllegalArgumentException(file + ": unknown limit '" + key + "'");
            }
        }
        config = config.withLimits(limits);
        if (root.has("backend")) {
            config = config.withBackend(root.get("backend").asText());
        }
        if (root.has("invoker")) {
            config = config.withPool(pool(root.get("invoker"), config.pool(), file));
        }
        if (root.has("namespaces")) {
            List<Credential> credentials = new ArrayList<>(config.credentials());
            for (JsonNode ns : root.get("namespaces")) {
                String name = ns.path("name").asText("");
                String auth = ns.path("auth").asText("");
                if (name.isEmpty() || auth.isEmpty()) {
                    throw new IllegalArgumentException(file + ": each namespace needs a name and an auth");
                }
                credentials.add(Credential.parse(name, auth));
            }
            config = config.withCredentials(credentials);
        }
        return config;
    }

    private static PoolConfig pool(JsonNode node, PoolConfig base, Path file) {
        PoolConfig pool = base;
        if (node.has("memoryMb")) {
            pool = pool.withMemoryMb(node.get("memoryMb").asInt());
        }
        if (node.has("pauseGraceSeconds")) {
            pool = pool.withPauseGrace(Duration.ofMillis((long) (node.get("pauseGraceSeconds").asDouble() * 1000)));
        }
        if (node.has("idleTimeoutSeconds")) {
            pool = pool.withIdleTimeout(Duration.ofMillis((long) (node.get("idleTimeoutSeconds").asDouble() * 1000)));
        }
        if (node.has("prewarm")) {
            List<PoolConfig.Prewarm> prewarm = new ArrayList<>();
            for (JsonNode p : node.get("prewarm")) {
                if (!p.path("kind").isTextual() || !p.path("memoryMb").canConvertToInt() || !p.path("count").canConvertToInt()) {
                    throw new IllegalArgumentException(file + ": each prewarm entry needs kind, memoryMb and count");
                }
                prewarm.add(new PoolConfig.Prewarm(p.get("kind").asText(), p.get("memoryMb").asInt(), p.get("count").asInt()));
            }
            pool = pool.withPrewarm(prewarm);
        }
        return pool;
    }
}
