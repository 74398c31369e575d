package dev.whiskstudio.plugin.nodejs;

import dev.whiskstudio.plugin.nodejs.ProxyProcess.Reply;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures a warm /run of a trivial action over one keep-alive connection, and prints the figures. The bound
 * asserted is loose on purpose (a shared machine); it catches pathologies such as Nagle's 40 ms delays.
 */
class WarmRunLatencyTest extends ProxyTestSupport {
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 2_000;

    @Test
    void warmRunRoundTripIsFast() throws Exception {
        ProxyProcess proxy = startInitialized("function main(p) { return { ok: true, n: p.n }; }");
        String body = runBody(Map.of("n", 1));
        // Drain the sentinels as the simulator would, so the pipes never fill.
        Thread drain = new Thread(() -> {
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                proxy.stdoutUntilSentinel();
                proxy.stderrUntilSentinel();
            }
        }, "sentinel-drain");
        drain.setDaemon(true);
        drain.start();

        HttpRequest request = proxy.request("/run", body);
        long[] viaHttpClient = new long[MEASURED];
        for (int i = 0; i < WARM_UP / 2 + MEASURED; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = proxy.http().send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            assertEquals(200, response.statusCode());
            if (i >= WARM_UP / 2) {
                viaHttpClient[i - WARM_UP / 2] = took;
            }
        }

        long[] viaSocket = rawKeepAliveRuns(proxy.port(), body, WARM_UP / 2, MEASURED);
        drain.join(60_000);

        System.out.printf("warm /run over keep-alive, %d calls: java.net.http.HttpClient median %.1f us (p90 %.1f us,"
                        + " p99 %.1f us); raw socket median %.1f us (p90 %.1f us, p99 %.1f us)%n", MEASURED,
                percentile(viaHttpClient, 50), percentile(viaHttpClient, 90), percentile(viaHttpClient, 99),
                percentile(viaSocket, 50), percentile(viaSocket, 90), percentile(viaSocket, 99));
        assertTrue(percentile(viaHttpClient, 50) < 10_000, "median above 10 ms");
        Reply last = proxy.post("/run", body);
        assertEquals(1, last.body().get("n").asInt());
    }

    /** The same request written by hand on one socket: what the proxy costs without the client's overhead. */
    private static long[] rawKeepAliveRuns(int port, String body, int warmUp, int measured) throws IOException {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST /run HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + payload.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        long[] times = new long[measured];
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < warmUp + measured; i++) {
                long start = System.nanoTime();
                out.write(request);
                out.flush();
                readResponse(in);
                if (i >= warmUp) {
                    times[i - warmUp] = System.nanoTime() - start;
                }
            }
        }
        return times;
    }

    private static void readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.append((char) b);
        }
        String headers = head.toString().toLowerCase();
        int at = headers.indexOf("content-length:");
        int length = Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).trim());
        if (in.readNBytes(length).length != length) {
            throw new IOException("short body");
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1_000.0;
    }
}
