package dev.whiskstudio.sim.insight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.SimHarness;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A client of {@code /sim/v1/events} over a plain HTTP/1.1 socket (so closing it from the test thread ends the
 * reader at once), parsing the chunked stream into events on a reader thread.
 */
final class EventStreamProbe implements AutoCloseable {
    /** One event: its name and its data as JSON. */
    record Event(String name, JsonNode data) {
    }

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers = new HashMap<>();
    private final boolean chunked;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong poolEvents = new AtomicLong();
    private final Thread reader;
    private volatile boolean ended;

    EventStreamProbe(String apiHost, String auth, String query) throws IOException {
        URI base = URI.create(apiHost);
        socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(60_000);
        String credentials = Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /sim/v1/events" + (query == null ? "" : "?" + query) + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nAccept: text/event-stream\r\nAuthorization: Basic " + credentials + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = socket.getInputStream();
        String statusLine = line();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        reader = new Thread(this::read, "event-stream-probe");
        reader.setDaemon(true);
        if (status == 200) {
            reader.start();
        }
    }

    int status() {
        return status;
    }

    String contentType() {
        return headers.get("content-type");
    }

    /** The error body of a refused stream. */
    JsonNode errorBody() throws IOException {
        int length = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
        byte[] body = length >= 0 ? in.readNBytes(length) : body();
        return SimHarness.JSON.readTree(body);
    }

    private byte[] body() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk = chunk(); chunk.length > 0; chunk = chunk()) {
            out.write(chunk);
        }
        return out.toByteArray();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException();
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /**
     * One chunk's data. The CRLF that ends a chunk is read before the next one's size: Jetty sends it only with the
     * next chunk, and waiting for it would hold each event back until the next.
     */
    private byte[] chunk() throws IOException {
        String size = line();
        while (size.isEmpty()) {
            size = line();
        }
        int length = Integer.parseInt(size.trim(), 16);
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
            throw new EOFException();
        }
        return data;
    }

    private void read() {
        try {
            String name = null;
            StringBuilder data = new StringBuilder();
            StringBuilder pending = new StringBuilder();
            while (true) {
                byte[] bytes = chunked ? chunk() : in.readNBytes(1);
                if (bytes.length == 0) {
                    return;
                }
                pending.append(new String(bytes, StandardCharsets.UTF_8));
                int nl;
                while ((nl = pending.indexOf("\n")) >= 0) {
                    String line = pending.substring(0, nl);
                    pending.delete(0, nl + 1);
                    if (line.isEmpty()) {
                        if ("pool".equals(name)) {
                            poolEvents.incrementAndGet();
                        }
                        if (name != null || data.length() > 0) {
                            events.add(new Event(name, SimHarness.JSON.readTree(data.toString())));
                        }
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        comments.add(line);
                    } else if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    }
                }
            }
        } catch (IOException e) {
            // the stream ended
        } finally {
            ended = true;
        }
    }

    /** The next event that matches, waiting at most {@code limit}; the ones before it are consumed. */
    Event next(Duration limit, String what, Predicate<Event> matches) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Event> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("no " + what + " within " + limit.toMillis() + " ms; saw " + skipped);
            }
            if (matches.test(e)) {
                return e;
            }
            skipped.add(e);
        }
    }

    /** Every event received so far and not yet consumed. */
    List<Event> drain() {
        List<Event> out = new ArrayList<>();
        events.drainTo(out);
        return out;
    }

    /** Pool events received so far, consumed or not. */
    long poolEventsSeen() {
        return poolEvents.get();
    }

    /** Comment lines received so far. */
    List<String> comments() {
        return List.copyOf(comments);
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        reader.join(5000);
    }
}
