package dev.whiskstudio.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.invoker.PoolConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static dev.whiskstudio.sim.bench.BenchSupport.deleteTree;
import static dev.whiskstudio.sim.bench.BenchSupport.intProp;
import static dev.whiskstudio.sim.bench.BenchSupport.ms;
import static dev.whiskstudio.sim.bench.BenchSupport.pct;
import static dev.whiskstudio.sim.bench.BenchSupport.printTable;
import static dev.whiskstudio.sim.bench.BenchSupport.progress;

/**
 * Compositions benchmark (issue 4): a warm 3-step sequence and a web action round trip, over real HTTP on loopback
 * with keep-alive, each beside a plain warm invoke of one of its components measured in the same alternating blocks,
 * so the ratios hold on a noisy machine. Not a unit test; run it with
 * {@code mvn -q -B -pl runtime-sim -am -DskipTests -Pbench -Dbench.only=composition test} (see docs/benchmarks.md).
 * <p>
 * System properties (all optional): {@code bench.composition.calls} (3000), {@code bench.composition.warmup} (2000),
 * {@code bench.composition.block} (100), {@code bench.only} (runs this only for {@code all} or {@code composition}).
 */
public final class CompositionBenchmark {
    private static final String KIND = "nodejs:20";
    private static final String ACTIONS = "/api/v1/namespaces/_/actions/";
    private static final String NS = Credential.GUEST.namespace();

    private final ObjectMapper json = new ObjectMapper();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString(Credential.GUEST.auth().getBytes(StandardCharsets.UTF_8));
    private final byte[] apiHeaders = ("Authorization: " + authorization + "\r\nContent-Type: application/json\r\n"
            + "Accept: application/json\r\n").getBytes(StandardCharsets.US_ASCII);
    private final byte[] webHeaders = "Accept: application/json\r\n".getBytes(StandardCharsets.US_ASCII);
    private final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "all").trim();
        if (!only.isEmpty() && !only.equals("all") && !only.equals("composition")) {
            System.out.println("composition benchmark skipped (bench.only=" + only + ")");
            return;
        }
        int calls = intProp("bench.composition.calls", 3000);
        int warmup = intProp("bench.composition.warmup", 2000);
        int block = Math.max(1, intProp("bench.composition.block", 100));
        System.out.println("== Whisk Studio compositions benchmark ==");
        System.out.printf(Locale.ROOT, "date %s | java %s | %d cpus | load average %s%n", Instant.now(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), CpuMeter.loadAverage());
        Path root = Files.createTempDirectory("whisk-composition-bench");
        List<String[]> rows;
        try {
            SimConfig config = SimConfig.defaults(root, Profile.OPENWHISK).withPort(0)
                    .withPool(new PoolConfig(4096, List.of(), Duration.ofMinutes(10), Duration.ofMinutes(10)));
            config = config.withLimits(config.limits().withInvocationsPerMinute(100_000_000)
                    .withConcurrentInvocations(100_000));
            try (Simulator sim = Simulator.start(config)) {
                progress("simulator at %s, throttles raised, pause grace and idle timeout 10 min%n", sim.apiHost());
                rows = new CompositionBenchmark().measure(sim, calls, warmup, block);
            }
        } finally {
            deleteTree(root);
        }
        System.out.println();
        System.out.println("Warm round trips, sequential, 1 client each, keep-alive, loopback (alternating blocks of "
                + block + ")");
        printTable(new String[] {"request", "client", "calls", "median", "p90", "p99", "max", "target"}, rows);
        System.out.printf(Locale.ROOT, "%ntotal %.1f s, load average at the end %s%n", BenchSupport.elapsedSeconds(),
                CpuMeter.loadAverage());
    }

    private List<String[]> measure(Simulator sim, int calls, int warmup, int block) throws Exception {
        put(sim, "inc", "{\"exec\":{\"kind\":\"" + KIND + "\",\"code\":\"function main(p){return {n:(p.n||0)+1}}\"}}");
        put(sim, "dbl", "{\"exec\":{\"kind\":\"" + KIND + "\",\"code\":\"function main(p){return {n:p.n*2}}\"}}");
        put(sim, "dec", "{\"exec\":{\"kind\":\"" + KIND + "\",\"code\":\"function main(p){return {n:p.n-1}}\"}}");
        put(sim, "calc", "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"/" + NS + "/inc\",\"/" + NS + "/dbl\",\"/"
                + NS + "/dec\"]}}");
        put(sim, "page", "{\"exec\":{\"kind\":\"" + KIND + "\",\"code\":\"function main(p){return {greeting:'hello '+"
                + "(p.name||'you'), method:p.__ow_method}}\"},"
                + "\"annotations\":[{\"key\":\"web-export\",\"value\":true}]}");

        URI host = URI.create(sim.apiHost());
        RawHttpConnection api = new RawHttpConnection(host.getHost(), host.getPort());
        RawHttpConnection web = new RawHttpConnection(host.getHost(), host.getPort());
        byte[] seed = "{\"n\":4}".getBytes(StandardCharsets.US_ASCII);
        String sequenceTarget = ACTIONS + "calc?blocking=true&result=true";
        String singleTarget = ACTIONS + "inc?blocking=true&result=true";
        String webTarget = "/api/v1/web/" + NS + "/default/page.json?name=bench";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest webRequest = HttpRequest.newBuilder(URI.create(sim.apiHost() + webTarget))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json").GET().build();

        List<AlternatingRounds.Call> kinds = List.of(
                () -> expect(api.post(sequenceTarget, apiHeaders, seed), "\"n\":9"),
                () -> expect(api.post(singleTarget, apiHeaders, seed), "\"n\":5"),
                () -> expect(web.send("GET", webTarget, webHeaders, new byte[0]), "hello bench"),
                () -> {
                    HttpResponse<String> r = client.send(webRequest, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !r.body().contains("hello bench")) {
                        throw new IllegalStateException("web action answered " + r.statusCode() + " " + r.body());
                    }
                });
        progress("warm-up: %d calls of each kind (sequence, single invoke, web raw, web HttpClient) ...%n", warmup);
        long[][] scratch = new long[kinds.size()][Math.max(warmup, block)];
        AlternatingRounds.run(kinds, scratch, warmup, block);
        progress("measuring: %d calls of each kind ...%n", calls);
        long[][] lat = new long[kinds.size()][calls];
        AlternatingRounds.run(kinds, lat, calls, block);
        api.close();
        web.close();
        for (long[] l : lat) {
            Arrays.sort(l);
        }
        checkSequenceRecord(sim);

        List<String[]> rows = new ArrayList<>();
        rows.add(row("3-step sequence, invoke ?blocking=true&result=true", "raw socket", lat[0], ""));
        rows.add(row("  one component alone (inc), same request", "raw socket", lat[1], ""));
        rows.add(new String[] {"  ratio sequence / one component", "", "",
                String.format(Locale.ROOT, "%.2fx", (double) pct(lat[0], 50) / pct(lat[1], 50)),
                String.format(Locale.ROOT, "%.2fx", (double) pct(lat[0], 90) / pct(lat[1], 90)), "", "", ""});
        rows.add(row("web action GET /api/v1/web/guest/default/page.json", "raw socket", lat[2],
                "< 1.0 ms: " + (pct(lat[2], 50) < 1_000_000 ? "yes" : "NO")));
        rows.add(row("web action, same request", "HttpClient", lat[3],
                "< 1.0 ms: " + (pct(lat[3], 50) < 1_000_000 ? "yes" : "NO")));
        return rows;
    }

    /** The last sequence run left its own record with three component ids, as the platform records one. */
    private void checkSequenceRecord(Simulator sim) throws Exception {
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(sim.apiHost()
                        + "/api/v1/namespaces/_/activations?name=calc&limit=1&docs=true"))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode list = json.readTree(r.body());
        if (r.statusCode() != 200 || list.size() != 1 || list.get(0).path("logs").size() != 3) {
            throw new IllegalStateException("the sequence's record is not as the platform's: " + r.body());
        }
    }

    private static void expect(RawHttpConnection.Response r, String fragment) {
        if (r.status() != 200 || !r.text().contains(fragment)) {
            throw new IllegalStateException("answered " + r.status() + " " + r.text());
        }
    }

    private static String[] row(String label, String client, long[] sorted, String target) {
        return new String[] {label, client, String.valueOf(sorted.length), ms(pct(sorted, 50)), ms(pct(sorted, 90)),
                ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]), target};
    }

    private void put(Simulator sim, String name, String body) throws Exception {
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(sim.apiHost() + ACTIONS + name
                        + "?overwrite=true")).header("Authorization", authorization)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT " + name + ": " + r.statusCode() + " " + r.body());
        }
    }
}
