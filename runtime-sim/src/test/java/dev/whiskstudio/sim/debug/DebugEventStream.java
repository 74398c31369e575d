package dev.whiskstudio.sim.debug;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.SimHarness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The {@code debug} events of {@code /sim/v1/events}, read over HTTP/1.0 (so the stream is plain lines, not chunks)
 * on a reader thread; closing the socket ends it.
 */
final class DebugEventStream implements AutoCloseable {
    private final Socket socket;
    private final LinkedBlockingQueue<JsonNode> debugEvents = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> opened = new LinkedBlockingQueue<>();

    DebugEventStream(String apiHost, String auth) throws IOException, InterruptedException {
        URI base = URI.create(apiHost);
        socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        String credentials = Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /sim/v1/events HTTP/1.0\r\nHost: " + base.getHost() + "\r\nAccept: text/event-stream\r\n"
                + "Authorization: Basic " + credentials + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread reader = new Thread(this::read, "debug-event-stream");
        reader.setDaemon(true);
        reader.start();
        // the first event is the pool: once it is here, the stream is subscribed
        if (opened.poll(10, TimeUnit.SECONDS) == null) {
            throw new IOException("the event stream did not open");
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if ("pool".equals(name)) {
                        opened.offer("pool");
                    } else if ("debug".equals(name)) {
                        debugEvents.add(SimHarness.JSON.readTree(data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The next debug event that matches, within a bound; those before it are dropped. */
    JsonNode next(Duration limit, Predicate<JsonNode> matches) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<JsonNode> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode e = left > 0 ? debugEvents.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("no matching debug event within " + limit.toMillis() + " ms; saw " + seen);
            }
            if (matches.test(e)) {
                return e;
            }
            seen.add(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
