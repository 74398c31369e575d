package dev.whiskstudio.sim.insight;

import dev.whiskstudio.sim.Poll;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that opens the event stream and never reads it holds up nothing, costs bounded memory, and is dropped. */
class SlowClientTest {
    @TempDir
    Path dataDir;
    private SimHarness sim;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK);
        sim = new SimHarness(config.withLimits(config.limits().withInvocationsPerMinute(100_000).withConcurrentInvocations(100)));
        assertEquals(200, sim.guest().put("/api/v1/namespaces/_/actions/echo",
                "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p) { return p; }\"}}").status());
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        sim.close();
    }

    /** Opens the event stream on a socket with a small receive buffer, and never reads from it. */
    private Socket stalledClient() throws Exception {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", sim.sim().port()), 5000);
        String auth = Base64.getEncoder().encodeToString(Credential.GUEST.auth().getBytes(StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /sim/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                + "Authorization: Basic " + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Runs {@code count} blocking invocations from 8 threads; returns how long they took. */
    private Duration invoke(int count, Runnable sample) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(callers.submit(() -> {
                    Reply r = sim.guest().post("/api/v1/namespaces/_/actions/echo?blocking=true", "{\"n\":" + n + "}");
                    sample.run();
                    return r.status();
                }));
            }
            for (Future<Integer> call : calls) {
                assertEquals(200, call.get(120, TimeUnit.SECONDS));
            }
            return Duration.ofNanos(System.nanoTime() - t0);
        } finally {
            callers.shutdownNow();
        }
    }

    /** The event stream's writer threads alive now (one per client). */
    static long writerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().matches("sim-events-\\d+")).count();
    }

    @Test
    void aClientThatNeverReadsDoesNotSlowInvocationsAndIsDropped() throws Exception {
        invoke(20, () -> { });
        Duration baseline = invoke(200, () -> { });

        Socket stalled = stalledClient();
        Poll.until(Duration.ofSeconds(5), "the stalled client to subscribe", () -> sim.sim().events().subscriberCount() == 1);
        AtomicLong largestBacklog = new AtomicLong();
        Runnable sample = () -> largestBacklog.accumulateAndGet(sim.sim().events().largestBacklog(), Math::max);
        Duration withStalledClient = invoke(200, sample);
        assertTrue(withStalledClient.toMillis() <= baseline.toMillis() * 3 + 2000, "200 invocations took "
                + withStalledClient.toMillis() + " ms with a stalled client, " + baseline.toMillis() + " ms without");

        for (int round = 0; round < 20 && sim.sim().events().droppedCount() == 0; round++) {
            invoke(100, sample);
        }
        assertEquals(1, sim.sim().events().droppedCount(), "the stalled client is dropped once it is far behind");
        assertTrue(largestBacklog.get() <= EventHub.BUFFER_LIMIT,
                "what waits for the client stays within its buffer: " + largestBacklog.get());
        Poll.until(Duration.ofSeconds(5), "the client to be forgotten", () -> sim.sim().events().subscriberCount() == 0);
        Poll.until(Duration.ofSeconds(5), "its writer thread to end", () -> writerThreads() == 0);

        // the connection is hung up: what the kernel held arrives, then the end
        stalled.setSoTimeout(10_000);
        byte[] buffer = new byte[65536];
        try {
            while (stalled.getInputStream().read(buffer) >= 0) {
                // draining what was sent before the hang-up
            }
        } catch (java.net.SocketException reset) {
            // a reset is a hang-up too
        }
        Duration afterDrop = invoke(200, () -> { });
        assertTrue(afterDrop.toMillis() <= baseline.toMillis() * 3 + 2000, "invocations after the drop took " + afterDrop.toMillis() + " ms");
    }
}
