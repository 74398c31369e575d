package dev.whiskstudio.sim;

import dev.whiskstudio.sim.SimHarness.Client;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulator killed with SIGKILL while clients write has lost none of the writes it acknowledged, and its next
 * start removes the containers the killed one left running.
 */
class DurabilityTest {
    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        List<Long> orphans = new java.util.ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        try (SimProcess first = SimProcess.start(dataDir)) {
            Client client = client(first.apiHost());
            assertEquals(200, client.put("/api/v1/namespaces/_/packages/pkg", "{}").status());
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (!stop.get()) {
                        String name = "a" + sequence.incrementAndGet();
                        String path = (name.hashCode() % 2 == 0 ? "/api/v1/namespaces/_/actions/pkg/" : "/api/v1/namespaces/_/actions/") + name;
                        try {
                            Reply r = client.put(path, "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"// " + name + "\"}}");
                            if (r.status() == 200) {
                                acknowledged.add(path);
                            }
                        } catch (RuntimeException e) {
                            return; // the server died under this request: it was never acknowledged
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Poll.until(Duration.ofSeconds(20), "the stem cells to start", () -> first.childPids().size() >= 2);
            orphans.addAll(first.childPids());
            first.kill9();
            stop.set(true);
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertTrue(acknowledged.size() >= 300, "writes were acknowledged before the kill: " + acknowledged.size());
        assertTrue(orphans.stream().anyMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)),
                "kill -9 left the containers running");
        try (SimProcess second = SimProcess.start(dataDir)) {
            Poll.until(Duration.ofSeconds(10), "the orphans of the killed run to be removed", () -> orphans.stream()
                    .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
            Client client = client(second.apiHost());
            List<String> lost = acknowledged.stream().filter(p -> client.get(p).status() != 200).toList();
            assertEquals(List.of(), lost, "acknowledged writes lost by kill -9");
            Reply count = client.get("/api/v1/namespaces/_/actions?count=true");
            assertTrue(count.json().get("actions").asInt() >= acknowledged.size());
        }
    }

    private static Client client(String apiHost) {
        return new Client(apiHost, Credential.GUEST.auth());
    }
}
