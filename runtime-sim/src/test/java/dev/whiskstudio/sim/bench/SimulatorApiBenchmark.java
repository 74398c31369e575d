package dev.whiskstudio.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import dev.whiskstudio.sim.store.ActivationQuery;
import dev.whiskstudio.sim.store.ActivationRow;
import dev.whiskstudio.sim.store.ActivationStore;

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
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static dev.whiskstudio.sim.bench.BenchSupport.deleteTree;
import static dev.whiskstudio.sim.bench.BenchSupport.intProp;
import static dev.whiskstudio.sim.bench.BenchSupport.kb;
import static dev.whiskstudio.sim.bench.BenchSupport.ms;
import static dev.whiskstudio.sim.bench.BenchSupport.pct;
import static dev.whiskstudio.sim.bench.BenchSupport.printTable;
import static dev.whiskstudio.sim.bench.BenchSupport.progress;

/**
 * Simulator REST API benchmark over real HTTP on loopback (issue 2): entity create+get round trips, and
 * activation list latency with many stored records. Not a unit test; run it with
 * {@code mvn -q -B -pl runtime-sim -am -DskipTests -Pbench test} (see docs/benchmarks.md).
 * <p>
 * System properties (all optional):
 * <ul>
 *   <li>{@code bench.records} activation records to seed (default 1000000)</li>
 *   <li>{@code bench.listRequests} measured requests per list query (default 300, at least 200 recommended)</li>
 *   <li>{@code bench.listWarmup} warm-up requests per list query (default 50)</li>
 *   <li>{@code bench.entityOps} measured sequential create+get round trips (default 2000)</li>
 *   <li>{@code bench.entityWarmup} warm-up round trips (default 500)</li>
 *   <li>{@code bench.clients} concurrent clients for the concurrent entity run (default 8)</li>
 *   <li>{@code bench.dataDir} data directory to use instead of a fresh temp one (kept afterwards)</li>
 *   <li>{@code bench.only} {@code api} or {@code invoker} runs only that benchmark (default: both)</li>
 * </ul>
 */
public final class SimulatorApiBenchmark {
    private static final String NS_PATH = "/api/v1/namespaces/_";
    private static final long DAY_MS = 24L * 60 * 60 * 1000;
    private static final String CODE = "function main(params) {\n"
            + "  const name = params.name || 'world';\n"
            + "  return { greeting: `Hello, ${name}!` };\n"
            + "}\n";

    /** Actions the seeded records belong to, with how often each runs (weights). */
    private static final String[][] ACTIONS = {
            // package, name, weight
            {null, "hello", "30"},
            {null, "echo", "15"},
            {null, "webhook", "10"},
            {"images", "thumbnail", "12"},
            {"images", "resize", "8"},
            {"mail", "notify", "10"},
            {"mail", "digest", "3"},
            {null, "cron-cleanup", "2"},
            {"reports", "monthly", "1"},
            {null, "slow-import", "9"},
    };

    private final ObjectMapper json = new ObjectMapper();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString(Credential.GUEST.auth().getBytes(StandardCharsets.UTF_8));
    private final String apiHost;
    private final Simulator sim;

    private SimulatorApiBenchmark(Simulator sim) {
        this.sim = sim;
        this.apiHost = sim.apiHost();
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "all").trim();
        if (!only.isEmpty() && !only.equals("all") && !only.equals("api")) {
            System.out.println("simulator API benchmark skipped (bench.only=" + only + ")");
            return;
        }
        int records = intProp("bench.records", 1_000_000);
        int listRequests = intProp("bench.listRequests", 300);
        int listWarmup = intProp("bench.listWarmup", 50);
        int entityOps = intProp("bench.entityOps", 2000);
        int entityWarmup = intProp("bench.entityWarmup", 500);
        int clients = intProp("bench.clients", 8);
        String dirProp = System.getProperty("bench.dataDir", "");
        boolean tempDir = dirProp.isBlank();
        Path dataDir = tempDir ? Files.createTempDirectory("whisk-sim-bench") : Path.of(dirProp);

        System.out.println("== Whisk Studio simulator API benchmark ==");
        System.out.printf(Locale.ROOT, "date %s | java %s (%s) | %d cpus | max heap %d MB%n",
                Instant.now(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "records=%d listRequests=%d listWarmup=%d entityOps=%d entityWarmup=%d clients=%d%n",
                records, listRequests, listWarmup, entityOps, entityWarmup, clients);
        System.out.println("data dir " + dataDir);

        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0);
        try (Simulator sim = Simulator.start(config)) {
            SimulatorApiBenchmark bench = new SimulatorApiBenchmark(sim);
            System.out.println("simulator at " + sim.apiHost() + " (profile " + config.profile().id() + ")");
            List<String[]> entityRows = bench.entities(entityOps, entityWarmup, clients);
            List<String[]> listRows = bench.activations(records, listRequests, listWarmup);

            System.out.println();
            System.out.println("Entity create+get (PUT /actions/{name} then GET it), HTTP/1.1 keep-alive, loopback");
            printTable(new String[] {"run", "round trips", "round trips/s", "PUT median", "PUT p99", "GET median", "GET p99"},
                    entityRows);
            System.out.println();
            System.out.printf(Locale.ROOT, "Activation list, %,d records stored, %d requests per row after %d warm-up"
                    + " (store = ActivationStore.list in-process, no HTTP)%n", records, listRequests, listWarmup);
            printTable(new String[] {"query", "items", "body", "median", "p90", "p99", "max", "store median", "median < 20 ms"},
                    listRows);
        } finally {
            if (tempDir) {
                deleteTree(dataDir);
            }
        }
        System.out.printf(Locale.ROOT, "%ntotal %.1f s%n", BenchSupport.elapsedSeconds());
    }

    // ---------------------------------------------------------------- entities

    private List<String[]> entities(int ops, int warmup, int clients) throws Exception {
        List<String[]> rows = new ArrayList<>();
        HttpClient client = newClient();
        progress("entities: warm-up %d round trips ...%n", warmup);
        roundTrips(client, "w", warmup, new long[warmup], new long[warmup]);

        long[] put = new long[ops];
        long[] get = new long[ops];
        long start = System.nanoTime();
        roundTrips(client, "a", ops, put, get);
        double secs = (System.nanoTime() - start) / 1e9;
        rows.add(entityRow("sequential, 1 client", ops, secs, put, get));

        int perClient = Math.max(1, ops / 2);
        progress("entities: %d clients x %d round trips ...%n", clients, perClient);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<HttpClient> perClientHttp = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                perClientHttp.add(newClient());
            }
            // warm the extra connections and server threads
            runClients(pool, perClientHttp, "cw", Math.max(1, warmup / clients), new long[clients][warmup], new long[clients][warmup]);
            long[][] cput = new long[clients][perClient];
            long[][] cget = new long[clients][perClient];
            long cstart = System.nanoTime();
            runClients(pool, perClientHttp, "c", perClient, cput, cget);
            double csecs = (System.nanoTime() - cstart) / 1e9;
            rows.add(entityRow("concurrent, " + clients + " clients", clients * perClient, csecs, flatten(cput), flatten(cget)));
        } finally {
            pool.shutdownNow();
        }
        return rows;
    }

    private void runClients(ExecutorService pool, List<HttpClient> httpClients, String prefix, int n,
                            long[][] put, long[][] get) throws Exception {
        List<Future<Void>> done = new ArrayList<>();
        for (int c = 0; c < httpClients.size(); c++) {
            int id = c;
            done.add(pool.submit((Callable<Void>) () -> {
                roundTrips(httpClients.get(id), prefix + id + "-", n, put[id], get[id]);
                return null;
            }));
        }
        for (Future<Void> f : done) {
            f.get();
        }
    }

    private void roundTrips(HttpClient client, String prefix, int n, long[] put, long[] get) throws Exception {
        for (int i = 0; i < n; i++) {
            String path = NS_PATH + "/actions/" + prefix + i;
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ObjectNode exec = body.putObject("exec");
            exec.put("kind", "nodejs:20");
            exec.put("code", CODE);
            ArrayNode ann = body.putArray("annotations");
            ann.addObject().put("key", "description").put("value", "benchmark action " + i);
            ObjectNode limits = body.putObject("limits");
            limits.put("timeout", 60000).put("memory", 256).put("logs", 10);
            byte[] bytes = json.writeValueAsBytes(body);

            long t = System.nanoTime();
            HttpResponse<String> r = client.send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
            put[i] = System.nanoTime() - t;
            expect(r, 200);
            t = System.nanoTime();
            r = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            get[i] = System.nanoTime() - t;
            expect(r, 200);
        }
    }

    private static String[] entityRow(String label, int n, double secs, long[] put, long[] get) {
        Arrays.sort(put);
        Arrays.sort(get);
        return new String[] {label, String.valueOf(n), String.format(Locale.ROOT, "%.0f", n / secs),
                ms(pct(put, 50)), ms(pct(put, 99)), ms(pct(get, 50)), ms(pct(get, 99))};
    }

    // ---------------------------------------------------------------- activations

    private List<String[]> activations(int records, int requests, int warmup) throws Exception {
        long now = System.currentTimeMillis();
        seed(sim.activations(), records, now);
        Path db = sim.config().dataDir().resolve("sim.db");
        Path wal = sim.config().dataDir().resolve("sim.db-wal");
        System.out.printf(Locale.ROOT, "database %s: %,d MB (+ %,d MB WAL)%n", db, Files.size(db) >> 20,
                Files.exists(wal) ? Files.size(wal) >> 20 : 0);

        // bounds for since/upto: a one hour window two days ago, and a one day window
        long since = now - 2 * DAY_MS - 60 * 60 * 1000;
        long upto = now - 2 * DAY_MS;
        record Q(String label, String query, ActivationQuery store) {
        }
        String ns = Credential.GUEST.namespace();
        List<Q> queries = List.of(
                new Q("limit=50", "limit=50", new ActivationQuery(ns, null, 0, 0, 0, 50, false)),
                new Q("limit=50&name=hello", "limit=50&name=hello",
                        new ActivationQuery(ns, "hello", 0, 0, 0, 50, false)),
                new Q("limit=50&name=images/resize", "limit=50&name=images/resize",
                        new ActivationQuery(ns, "images/resize", 0, 0, 0, 50, false)),
                new Q("limit=50&name=reports/monthly (1%)", "limit=50&name=reports/monthly",
                        new ActivationQuery(ns, "reports/monthly", 0, 0, 0, 50, false)),
                new Q("limit=50&docs=true", "limit=50&docs=true", new ActivationQuery(ns, null, 0, 0, 0, 50, true)),
                new Q("limit=50&since&upto (1 h, 2 d ago)", "limit=50&since=" + since + "&upto=" + upto,
                        new ActivationQuery(ns, null, since, upto, 0, 50, false)),
                new Q("limit=50&since (last 1 d)", "limit=50&since=" + (now - DAY_MS),
                        new ActivationQuery(ns, null, now - DAY_MS, 0, 0, 50, false)),
                new Q("limit=50&name=hello&since&upto", "limit=50&name=hello&since=" + since + "&upto=" + upto,
                        new ActivationQuery(ns, "hello", since, upto, 0, 50, false)),
                new Q("limit=50&skip=1000", "limit=50&skip=1000", new ActivationQuery(ns, null, 0, 0, 1000, 50, false)),
                new Q("limit=50&skip=100000 (deep page)", "limit=50&skip=100000",
                        new ActivationQuery(ns, null, 0, 0, 100_000, 50, false)),
                new Q("limit=200 (max page)", "limit=200", new ActivationQuery(ns, null, 0, 0, 0, 200, false)));

        HttpClient client = newClient();
        List<String[]> rows = new ArrayList<>();
        for (Q q : queries) {
            rows.add(listRow(client, q.label(), NS_PATH + "/activations?" + q.query(), q.store(), requests, warmup));
        }
        // count: a full index scan by design; few requests, shown for reference
        int countRequests = Math.max(5, requests / 15);
        rows.add(listRow(client, "count=true (" + countRequests + " req)", NS_PATH + "/activations?count=true", null,
                countRequests, Math.min(3, warmup)));
        return rows;
    }

    private String[] listRow(HttpClient client, String label, String path, ActivationQuery storeQuery, int requests,
                             int warmup) throws Exception {
        progress("list: %s ...%n", label);
        HttpRequest req = request(path).GET().build();
        HttpResponse<String> first = client.send(req, HttpResponse.BodyHandlers.ofString());
        expect(first, 200);
        JsonNode parsed = json.readTree(first.body());
        String items = parsed.isArray() ? String.valueOf(parsed.size()) : parsed.toString();
        if (parsed.isArray()) {
            checkNewestFirst(parsed, label);
        }
        for (int i = 0; i < warmup; i++) {
            expect(client.send(req, HttpResponse.BodyHandlers.ofString()), 200);
        }
        long[] lat = new long[requests];
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            lat[i] = System.nanoTime() - t;
            expect(r, 200);
            bytes = r.body().length();
        }
        Arrays.sort(lat);
        String storeMedian = "-";
        if (storeQuery != null) {
            ActivationStore store = sim.activations();
            for (int i = 0; i < Math.min(warmup, 20); i++) {
                store.list(storeQuery);
            }
            int n = Math.max(20, requests / 3);
            long[] s = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                store.list(storeQuery);
                s[i] = System.nanoTime() - t;
            }
            Arrays.sort(s);
            storeMedian = ms(pct(s, 50));
        }
        long median = pct(lat, 50);
        return new String[] {label, items, kb(bytes), ms(median), ms(pct(lat, 90)), ms(pct(lat, 99)),
                ms(lat[lat.length - 1]), storeMedian,
                storeQuery == null ? "n/a" : median < 20_000_000L ? "yes" : "NO"};
    }

    private static void checkNewestFirst(JsonNode list, String label) {
        long prev = Long.MAX_VALUE;
        for (JsonNode a : list) {
            long start = a.path("start").asLong();
            if (start > prev) {
                throw new IllegalStateException(label + ": list is not newest first");
            }
            prev = start;
        }
    }

    /**
     * Stores {@code n} realistic records with start times spread over the last 6 days, oldest first (as the
     * invoker would write them), in batches through {@link ActivationStore#insertAll}.
     */
    private static void seed(ActivationStore store, int n, long now) {
        if (n <= 0) {
            return;
        }
        progress("seeding %,d activation records ...%n", n);
        SplittableRandom rnd = new SplittableRandom(42);
        int totalWeight = Stream.of(ACTIONS).mapToInt(a -> Integer.parseInt(a[2])).sum();
        long begin = now - 6 * DAY_MS + 60_000;
        long span = now - 60_000 - begin;
        int batchSize = 10_000;
        long build = 0;
        long insert = 0;
        long t0 = System.nanoTime();
        List<ActivationRow> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < n; i++) {
            long ts = System.nanoTime();
            long start = begin + (long) ((double) span * i / n) + rnd.nextInt(200);
            batch.add(ActivationRow.of(record(rnd, totalWeight, start)));
            build += System.nanoTime() - ts;
            if (batch.size() == batchSize || i == n - 1) {
                long ti = System.nanoTime();
                store.insertAll(batch);
                insert += System.nanoTime() - ti;
                batch.clear();
                if ((i + 1) % 200_000 == 0) {
                    System.out.printf(Locale.ROOT, "  %,d stored (%.1f s)%n", i + 1, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        progress("seeded %,d records in %.1f s (%,.0f records/s; building rows %.1f s,"
                        + " insertAll %.1f s; batches of %,d)%n",
                n, secs, n / secs, build / 1e9, insert / 1e9, batchSize);
    }

    private static ActivationRecord record(SplittableRandom rnd, int totalWeight, long start) {
        int w = rnd.nextInt(totalWeight);
        String[] action = ACTIONS[0];
        for (String[] a : ACTIONS) {
            w -= Integer.parseInt(a[2]);
            if (w < 0) {
                action = a;
                break;
            }
        }
        String pkg = action[0];
        String name = action[1];
        String ns = Credential.GUEST.namespace();
        boolean slow = name.equals("slow-import");
        boolean cold = rnd.nextInt(10) == 0;
        long duration = slow ? 2_000 + rnd.nextInt(8_000) : 2 + rnd.nextInt(120);
        int initTime = cold ? 30 + rnd.nextInt(300) : 0;
        int roll = rnd.nextInt(100);
        ActivationStatus status = roll < 90 ? ActivationStatus.SUCCESS
                : roll < 96 ? ActivationStatus.APPLICATION_ERROR
                : roll < 99 ? ActivationStatus.DEVELOPER_ERROR
                : ActivationStatus.WHISK_ERROR;
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode result = f.objectNode();
        switch (status) {
            case SUCCESS -> {
                if (name.equals("thumbnail") || name.equals("resize")) {
                    result.put("url", "https://cdn.example.com/img/" + Long.toHexString(rnd.nextLong()) + ".jpg");
                    result.put("width", 160 + rnd.nextInt(4) * 160);
                } else {
                    result.put("greeting", "Hello, user" + rnd.nextInt(1000) + "!");
                    result.put("count", rnd.nextInt(10_000));
                }
            }
            case APPLICATION_ERROR -> result.put("error", "invalid input: missing parameter 'name'");
            case DEVELOPER_ERROR -> result.put("error", "The action did not return a dictionary.");
            default -> result.put("error", "The action exceeded its time limits of 60000 milliseconds.");
        }
        String path = ns + "/" + (pkg == null ? "" : pkg + "/") + name;
        ArrayNode ann = f.arrayNode();
        ann.addObject().put("key", "path").put("value", path);
        ann.addObject().put("key", "waitTime").put("value", 3 + rnd.nextInt(60));
        ann.addObject().put("key", "kind").put("value", "nodejs:20");
        ann.addObject().put("key", "timeout").put("value", status == ActivationStatus.WHISK_ERROR);
        ObjectNode limits = ann.addObject().put("key", "limits").putObject("value");
        limits.put("concurrency", 1).put("logs", 10).put("memory", 256).put("timeout", 60000);
        if (cold) {
            ann.addObject().put("key", "initTime").put("value", initTime);
        }
        String iso = Instant.ofEpochMilli(start).toString();
        List<String> logs = List.of(
                iso + " stdout: invoked " + name + " with " + (1 + rnd.nextInt(5)) + " params",
                Instant.ofEpochMilli(start + duration).toString()
                        + (status == ActivationStatus.SUCCESS ? " stdout: done in " + duration + " ms"
                        : " stderr: failed: " + result.path("error").asText()));
        String cause = rnd.nextInt(20) == 0 ? hexId(rnd) : null;
        return new ActivationRecord(ns, pkg, name, "0.0." + (1 + rnd.nextInt(4)), ns, hexId(rnd), start,
                start + duration + initTime, false, logs, status, result, ann, cause);
    }

    private static String hexId(SplittableRandom rnd) {
        return String.format(Locale.ROOT, "%016x%016x", rnd.nextLong(), rnd.nextLong());
    }

    // ---------------------------------------------------------------- plumbing

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiHost + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " -> " + r.statusCode() + ": "
                    + r.body());
        }
    }

    private static long[] flatten(long[][] parts) {
        return Stream.of(parts).flatMapToLong(Arrays::stream).toArray();
    }
}
