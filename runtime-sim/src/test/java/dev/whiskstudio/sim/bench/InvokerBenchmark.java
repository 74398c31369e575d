package dev.whiskstudio.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.plugin.PluginRegistry;
import dev.whiskstudio.plugin.RuntimeProvider;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.invoker.PoolConfig;
import dev.whiskstudio.sim.invoker.PoolSnapshot;
import dev.whiskstudio.sim.store.ActivationQuery;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.whiskstudio.sim.bench.BenchSupport.boolProp;
import static dev.whiskstudio.sim.bench.BenchSupport.deleteTree;
import static dev.whiskstudio.sim.bench.BenchSupport.intProp;
import static dev.whiskstudio.sim.bench.BenchSupport.ms;
import static dev.whiskstudio.sim.bench.BenchSupport.pct;
import static dev.whiskstudio.sim.bench.BenchSupport.printTable;
import static dev.whiskstudio.sim.bench.BenchSupport.progress;

/**
 * Invoker benchmark (issue 3), over real HTTP on loopback with keep-alive connections, with real Node.js action
 * proxies started by the process backend. Not a unit test; run it with
 * {@code mvn -q -B -pl runtime-sim -am -DskipTests -Pbench test} (see docs/benchmarks.md). In one JVM run:
 * <ol>
 *   <li>warm blocking invocations ({@code ?blocking=true&result=true}) of a trivial action, sequential, one client;</li>
 *   <li>the same {@code /run} sent straight to a Node proxy the benchmark started itself with the same code, with
 *       the same client; 1 and 2 are measured in alternating blocks, with {@code java.net.http.HttpClient}
 *       (HTTP/1.1) and with a lean raw-socket client ({@link RawHttpConnection}), so noise hits all four alike;</li>
 *   <li>throughput: N clients, each on its own connection, blocking invocations for a fixed time, then a check
 *       that every activation id answered has its record in the store;</li>
 *   <li>the first invocation of a new action, served by a prewarmed container (stem cell);</li>
 *   <li>the first invocation of a new action with no stem cells: a cold start of a new process.</li>
 * </ol>
 * The throttles (invocations per minute, concurrent invocations) are raised so they never refuse; the pause grace
 * and idle timeout are 10 minutes so no container is paused or removed while measured. Each warm-up goes on until
 * the JIT compilers are quiet (under 5 % of the time for 3 rounds in a row, at most {@code bench.invoker.maxSettleSeconds} more), since
 * on 2 CPUs a busy C2 compiler takes a large share of one.
 * <p>
 * System properties (all optional): {@code bench.invoker.calls} (3000), {@code bench.invoker.warmup} (1000),
 * {@code bench.invoker.block} (100), {@code bench.invoker.clients} (32), {@code bench.invoker.seconds} (10),
 * {@code bench.invoker.tputWarmupSeconds} (10), {@code bench.invoker.memoryMb} (4096),
 * {@code bench.invoker.prewarmRuns} (30), {@code bench.invoker.coldRuns} (20), {@code bench.invoker.firstWarmup}
 * (3), {@code bench.invoker.adobeConcurrency} (16; 0 skips that run), {@code bench.invoker.httpClientThroughput}
 * (true), {@code bench.invoker.phases} (all, or a comma list of latency, throughput, adobe, prewarm, cold),
 * {@code bench.invoker.maxSettleSeconds} (30), {@code bench.only} ({@code api} skips this benchmark).
 */
public final class InvokerBenchmark {
    private static final String KIND = "nodejs:20";
    private static final int MEMORY_MB = 256;
    private static final String CODE = "function main(p){return {ok:true}}";
    private static final String NS = Credential.GUEST.namespace();
    private static final String ACTIONS = "/api/v1/namespaces/_/actions/";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper json = new ObjectMapper();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString(Credential.GUEST.auth().getBytes(StandardCharsets.UTF_8));
    private final byte[] invokeHeaders = ("Authorization: " + authorization + "\r\nContent-Type: application/json\r\n"
            + "Accept: application/json\r\n").getBytes(StandardCharsets.US_ASCII);
    private final byte[] proxyHeaders = "Content-Type: application/json\r\n".getBytes(StandardCharsets.US_ASCII);
    private final RuntimeProvider runtime;
    private final Path root;
    private final HttpClient admin = newClient();
    private final List<String> notes = new ArrayList<>();
    private int proxies;

    private InvokerBenchmark(RuntimeProvider runtime, Path root) {
        this.runtime = runtime;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "all").trim();
        if (!only.isEmpty() && !only.equals("all") && !only.equals("invoker")) {
            System.out.println("invoker benchmark skipped (bench.only=" + only + ")");
            return;
        }
        String phases = System.getProperty("bench.invoker.phases", "all").trim();
        Path root = Files.createTempDirectory("whisk-invoker-bench");
        System.out.println("== Whisk Studio invoker benchmark ==");
        System.out.printf(Locale.ROOT, "date %s | java %s (%s) | %d cpus | max heap %d MB | node %s | load average %s%n",
                Instant.now(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, nodeVersion(),
                CpuMeter.loadAverage());
        RuntimeProvider runtime = PluginRegistry.load(InvokerBenchmark.class.getClassLoader()).runtimeFor(KIND);
        if (runtime == null) {
            throw new IllegalStateException("no runtime plugin for " + KIND + " on the class path");
        }
        InvokerBenchmark bench = new InvokerBenchmark(runtime, root);
        List<String[]> latency = new ArrayList<>();
        List<String[]> throughput = new ArrayList<>();
        List<String[]> first = new ArrayList<>();
        try {
            if (wanted(phases, "latency") || wanted(phases, "throughput")) {
                try (Simulator sim = bench.start("a", Profile.OPENWHISK, intProp("bench.invoker.memoryMb", 4096),
                        List.of(new PoolConfig.Prewarm(KIND, MEMORY_MB, 2)))) {
                    if (wanted(phases, "latency")) {
                        latency.addAll(bench.warmLatency(sim));
                    }
                    if (wanted(phases, "throughput")) {
                        throughput.add(bench.throughput(sim, "tput", 1, true, false));
                        if (boolProp("bench.invoker.httpClientThroughput", true)) {
                            throughput.add(bench.throughput(sim, "tput", 1, false, false));
                        }
                    }
                }
            }
            int adobeConcurrency = intProp("bench.invoker.adobeConcurrency", 16);
            if (wanted(phases, "adobe") && adobeConcurrency > 0) {
                try (Simulator sim = bench.start("b", Profile.ADOBE_IO_RUNTIME, intProp("bench.invoker.memoryMb", 4096),
                        List.of(new PoolConfig.Prewarm(KIND, MEMORY_MB, 2)))) {
                    throughput.add(bench.throughput(sim, "tputc", adobeConcurrency, true, true));
                }
            }
            int firstWarmup = intProp("bench.invoker.firstWarmup", 3);
            if (wanted(phases, "prewarm")) {
                int runs = intProp("bench.invoker.prewarmRuns", 30);
                try (Simulator sim = bench.start("c", Profile.OPENWHISK, (runs + firstWarmup + 4) * MEMORY_MB,
                        List.of(new PoolConfig.Prewarm(KIND, MEMORY_MB, 2)))) {
                    first.addAll(bench.firstInvocations(sim, "pw", true, firstWarmup, runs));
                }
            }
            if (wanted(phases, "cold")) {
                int runs = intProp("bench.invoker.coldRuns", 20);
                try (Simulator sim = bench.start("d", Profile.OPENWHISK, (runs + firstWarmup + 4) * MEMORY_MB, List.of())) {
                    first.addAll(bench.firstInvocations(sim, "cold", false, firstWarmup, runs));
                }
            }
        } finally {
            deleteTree(root);
        }

        System.out.println();
        if (!latency.isEmpty()) {
            System.out.println("1+2. Warm blocking invoke (?blocking=true&result=true) vs direct POST /run to a Node proxy,"
                    + " sequential, 1 client, keep-alive, loopback (measured in alternating blocks)");
            printTable(new String[] {"run", "client", "calls", "median", "p90", "p99", "max", "target"}, latency);
            System.out.println();
        }
        if (!throughput.isEmpty()) {
            System.out.println("3. Throughput: blocking invokes of a trivial action, each client on its own keep-alive connection");
            printTable(new String[] {"run", "client", "activations", "activations/s", "per-second min-max",
                    "per CPU-second used", "machine used by others", "median", "p99", "errors", "records missing",
                    "containers", "target"}, throughput);
            System.out.println();
        }
        if (!first.isEmpty()) {
            System.out.println("4+5. First blocking invoke of a new action (client latency; record's waitTime and initTime),"
                    + " and the same steps on a proxy started directly");
            printTable(new String[] {"run", "runs", "median", "p90", "max", "waitTime median", "initTime median",
                    "duration median", "target"}, first);
            System.out.println();
        }
        for (String n : bench.notes) {
            System.out.println(n);
        }
        System.out.printf(Locale.ROOT, "%ntotal %.1f s, load average at the end %s%n", BenchSupport.elapsedSeconds(),
                CpuMeter.loadAverage());
    }

    private static boolean wanted(String phases, String phase) {
        return phases.equals("all") || Arrays.asList(phases.split("\\s*,\\s*")).contains(phase);
    }

    private Simulator start(String name, Profile profile, int memoryMb, List<PoolConfig.Prewarm> prewarm)
            throws Exception {
        SimConfig config = SimConfig.defaults(root.resolve(name), profile).withPort(0)
                .withPool(new PoolConfig(memoryMb, prewarm, Duration.ofMinutes(10), Duration.ofMinutes(10)));
        config = config.withLimits(config.limits().withInvocationsPerMinute(100_000_000)
                .withConcurrentInvocations(100_000));
        Simulator sim = Simulator.start(config);
        progress("simulator %s at %s: profile %s, invoker %d MB, prewarm %s, throttles raised"
                        + " (100,000,000/min, 100,000 concurrent)%n", name, sim.apiHost(), profile.id(), memoryMb,
                prewarm.isEmpty() ? "none" : prewarm);
        if (!prewarm.isEmpty()) {
            awaitStemCells(sim, prewarm.stream().mapToInt(PoolConfig.Prewarm::count).sum());
        }
        return sim;
    }

    // ---------------------------------------------------------------- 1 + 2: warm latency, invoke vs direct

    private List<String[]> warmLatency(Simulator sim) throws Exception {
        int calls = intProp("bench.invoker.calls", 3000);
        int warmup = intProp("bench.invoker.warmup", 1000);
        int block = Math.max(1, intProp("bench.invoker.block", 100));
        createAction(sim, "warm", null);

        // the direct proxy: same launch command, same code, initialised once
        try (DirectProxy proxy = DirectProxy.launch(runtime, KIND, MEMORY_MB, root.resolve("direct-" + (++proxies)),
                Map.of("__OW_API_HOST", sim.apiHost()))) {
            int port = proxy.awaitPort();
            RawHttpConnection directRaw = new RawHttpConnection("127.0.0.1", port);
            RawHttpConnection.Response init = directRaw.post("/init", proxyHeaders, initBody("direct"));
            if (init.status() != 200) {
                throw new IllegalStateException("direct /init: " + init.status() + " " + init.text());
            }
            byte[] runBody = runBody("direct");
            URI simUri = URI.create(sim.apiHost());
            RawHttpConnection invokeRaw = new RawHttpConnection(simUri.getHost(), simUri.getPort());
            String invokeTarget = ACTIONS + "warm?blocking=true&result=true";
            HttpClient client = newClient();
            HttpRequest invokeReq = HttpRequest.newBuilder(URI.create(sim.apiHost() + invokeTarget))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EMPTY_OBJECT)).build();
            HttpRequest directReq = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/run"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(runBody)).build();

            List<AlternatingRounds.Call> combos = List.of(
                    () -> checkOk(client.send(invokeReq, HttpResponse.BodyHandlers.ofString()).statusCode(), "invoke"),
                    () -> checkOk(client.send(directReq, HttpResponse.BodyHandlers.ofString()).statusCode(), "direct"),
                    () -> checkOk(invokeRaw.post(invokeTarget, invokeHeaders, EMPTY_OBJECT).status(), "invoke"),
                    () -> checkOk(directRaw.post("/run", proxyHeaders, runBody).status(), "direct"),
                    // the floor of the simulator's API on the same connection: auth, entity lookup, JSON, no activation
                    () -> checkOk(invokeRaw.send("GET", ACTIONS + "warm?code=false", invokeHeaders, new byte[0]).status(),
                            "get"));
            progress("latency: warm-up %d calls of each of %d kinds ...%n", warmup, combos.size());
            long[][] lat = new long[combos.size()][];
            for (int i = 0; i < combos.size(); i++) {
                lat[i] = new long[calls];
            }
            // warm-up, settling and measurement all run through AlternatingRounds, so the code measured is the code warmed
            long[][] scratch = new long[combos.size()][Math.max(warmup, block)];
            AlternatingRounds.run(combos, scratch, warmup, block);
            new CpuMeter().stop();
            // then more rounds until the JIT compilers are (nearly) idle, so they do not compete for the 2 CPUs
            long settleStart = System.nanoTime();
            int extra = 0;
            int quiet = 0;
            double share;
            do {
                long c0 = compileMillis();
                long w0 = System.nanoTime();
                AlternatingRounds.run(combos, scratch, block, block);
                extra += block;
                share = (compileMillis() - c0) / Math.max(1e-9, (System.nanoTime() - w0) / 1e6);
                quiet = share <= JIT_QUIET_SHARE ? quiet + 1 : 0;
            } while (quiet < JIT_QUIET_ROUNDS && System.nanoTime() - settleStart < maxSettleNanos());
            progress("latency: %d more warm-up calls of each kind until the JIT compilers were quiet"
                    + " (last round: compiling %.0f%% of the time); now %d calls of each kind, in alternating blocks"
                    + " of %d ...%n", extra, 100 * share, calls, block);
            CpuMeter cpu = new CpuMeter();
            AlternatingRounds.run(combos, lat, calls, block);
            CpuMeter.Report report = cpu.stop();
            notes.add("Latency phase CPU (all kinds): " + report.summary());
            notes.add("  JVM threads: " + String.join("; ", report.topGroups(0.03)));
            invokeRaw.close();
            directRaw.close();

            for (long[] l : lat) {
                Arrays.sort(l);
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(latencyRow("warm invoke", "HttpClient", lat[0], "< 1.0 ms: " + yes(pct(lat[0], 50) < 1_000_000)));
            rows.add(latencyRow("direct /run", "HttpClient", lat[1], ""));
            rows.add(ratioRow("ratio invoke / direct", "HttpClient", lat[0], lat[1]));
            rows.add(latencyRow("warm invoke", "raw socket", lat[2], "< 1.0 ms: " + yes(pct(lat[2], 50) < 1_000_000)));
            rows.add(latencyRow("direct /run", "raw socket", lat[3], ""));
            rows.add(ratioRow("ratio invoke / direct", "raw socket", lat[2], lat[3]));
            rows.add(latencyRow("API floor: GET the action (no invoke)", "raw socket", lat[4], ""));
            long stored = sim.activations().count(new ActivationQuery(NS, "warm", 0, 0, 0, 0, false));
            notes.add(String.format(Locale.ROOT, "Latency phase: %,d records of the warm action stored (every invoke, warm-up included).",
                    stored));
            return rows;
        }
    }

    private static void checkOk(int status, String what) {
        if (status != 200) {
            throw new IllegalStateException(what + " answered " + status);
        }
    }

    private static String[] latencyRow(String label, String client, long[] sorted, String target) {
        return new String[] {label, client, String.valueOf(sorted.length), ms(pct(sorted, 50)), ms(pct(sorted, 90)),
                ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]), target};
    }

    private static String[] ratioRow(String label, String client, long[] invoke, long[] direct) {
        double[] r = new double[4];
        double[] ps = {50, 90, 99};
        for (int i = 0; i < ps.length; i++) {
            r[i] = (double) pct(invoke, ps[i]) / pct(direct, ps[i]);
        }
        return new String[] {label, client, "", String.format(Locale.ROOT, "%.2fx", r[0]),
                String.format(Locale.ROOT, "%.2fx", r[1]), String.format(Locale.ROOT, "%.2fx", r[2]), "",
                "within 2x: " + yes(r[0] <= 2.0)};
    }

    // ---------------------------------------------------------------- 3: throughput

    private String[] throughput(Simulator sim, String action, int concurrency, boolean raw, boolean extraLogging)
            throws Exception {
        int clients = intProp("bench.invoker.clients", 32);
        int seconds = intProp("bench.invoker.seconds", 10);
        int warmupSeconds = intProp("bench.invoker.tputWarmupSeconds", 10);
        if (!actionExists(sim, action)) {
            createAction(sim, action, concurrency > 1 ? "{\"concurrency\":" + concurrency + "}" : null);
        }
        String label = String.format(Locale.ROOT, "%s, %d clients, action concurrency %d", sim.config().profile().id(),
                clients, concurrency);
        String clientName = raw ? "raw socket" : "HttpClient";
        URI simUri = URI.create(sim.apiHost());
        String target = ACTIONS + action + "?blocking=true&result=true";
        byte[] headers = extraLogging
                ? (new String(invokeHeaders, StandardCharsets.US_ASCII) + "X-OW-EXTRA-LOGGING: on\r\n").getBytes(StandardCharsets.US_ASCII)
                : invokeHeaders;
        HttpRequest.Builder hb = HttpRequest.newBuilder(URI.create(sim.apiHost() + target)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (extraLogging) {
            hb.header("X-OW-EXTRA-LOGGING", "on");
        }
        HttpRequest request = hb.POST(HttpRequest.BodyPublishers.ofByteArray(EMPTY_OBJECT)).build();

        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(raw ? new Worker(new RawHttpConnection(simUri.getHost(), simUri.getPort()), null, target, headers)
                    : new Worker(null, newClient(), null, null, request));
        }
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-client-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long before = sim.activations().count(new ActivationQuery(NS, action, 0, 0, 0, 0, false));
        try {
            progress("throughput (%s, %s): warm-up %d s, then until the JIT compilers are quiet ...%n", label,
                    clientName, warmupSeconds);
            runWorkers(pool, workers, warmupSeconds, false);
            long settleStart = System.nanoTime();
            int extraSeconds = 0;
            int quiet = 0;
            do {
                long c0 = compileMillis();
                long w0 = System.nanoTime();
                runWorkers(pool, workers, 1, false);
                extraSeconds++;
                double share = (compileMillis() - c0) / Math.max(1e-9, (System.nanoTime() - w0) / 1e6);
                quiet = share <= JIT_QUIET_SHARE ? quiet + 1 : 0;
            } while (quiet < JIT_QUIET_ROUNDS && System.nanoTime() - settleStart < maxSettleNanos());
            warmupSeconds += extraSeconds;
            progress("throughput (%s, %s): %d s measured ...%n", label, clientName, seconds);
            CpuMeter cpu = new CpuMeter();
            long start = System.nanoTime();
            runWorkers(pool, workers, seconds, true);
            double secs = (System.nanoTime() - start) / 1e9;
            CpuMeter.Report report = cpu.stop();
            PoolSnapshot snap = sim.pool().snapshot();

            List<Long> latencies = new ArrayList<>();
            Map<Integer, Integer> errors = new TreeMap<>();
            Set<String> ids = new HashSet<>();
            int measured = 0;
            int[] perSecond = new int[(int) Math.ceil(secs) + 1];
            for (Worker w : workers) {
                latencies.addAll(w.latencies);
                measured += w.latencies.size();
                w.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum));
                ids.addAll(w.warmupIds);
                ids.addAll(w.ids);
                for (long end : w.ends) {
                    int s = (int) ((end - start) / 1_000_000_000L);
                    if (s >= 0 && s < perSecond.length) {
                        perSecond[s]++;
                    }
                }
            }
            int fullSeconds = (int) Math.floor(secs);
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int s = 0; s < fullSeconds; s++) {
                min = Math.min(min, perSecond[s]);
                max = Math.max(max, perSecond[s]);
            }
            long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            int idsAnswered = ids.size();
            // every id answered must have its record: look each one up, and count the action's records
            progress("throughput: checking %,d activation ids in the store ...%n", idsAnswered);
            int missing = 0;
            for (String id : ids) {
                if (sim.activations().get(NS, id).isEmpty()) {
                    missing++;
                }
            }
            long after = sim.activations().count(new ActivationQuery(NS, action, 0, 0, 0, 0, false));
            int answeredWithoutId = workers.stream().mapToInt(w -> w.withoutId).sum();
            double rate = measured / secs;
            // activations per CPU-second the simulator's JVM (with the benchmark's clients) and the node processes
            // used: what the rate would be with 2 CPUs to themselves, whatever else the machine was doing
            double perCpuSecond = measured / Math.max(1e-9, report.jvm() + report.node());
            notes.add(String.format(Locale.ROOT, "Throughput %s, %s: %,d activations in %.2f s measured (+ warm-up %d s);"
                            + " %,d distinct activation ids answered (warm-up included), %d missing in the store,"
                            + " %d answers without an id; the action's record count went from %,d to %,d (+%,d)."
                            + " Per second: %s. Pool at the end: %d containers, %d MB used, %d queued.",
                    label, clientName, measured, secs, warmupSeconds, idsAnswered, missing, answeredWithoutId, before, after,
                    after - before, Arrays.toString(Arrays.copyOf(perSecond, fullSeconds)), snap.containers().size(),
                    snap.usedMb(), snap.queued()));
            notes.add("  CPU: " + report.summary());
            notes.add("  JVM threads: " + String.join("; ", report.topGroups(0.03)));
            int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
            boolean lost = missing > 0 || answeredWithoutId > 0 || after - before != idsAnswered;
            return new String[] {label, clientName, String.format(Locale.ROOT, "%,d", measured),
                    String.format(Locale.ROOT, "%,.0f", rate), min + "-" + max,
                    String.format(Locale.ROOT, "%,.0f (x2 = %,.0f)", perCpuSecond, 2 * perCpuSecond),
                    String.format(Locale.ROOT, "%.0f%%", 100 * report.others() / Math.max(1e-9, report.machineTotal())),
                    ms(pct(lat, 50)), ms(pct(lat, 99)),
                    errorCount == 0 ? "0" : errors.toString(), lost ? "LOST " + Math.max(missing, answeredWithoutId) : "0",
                    String.valueOf(snap.containers().size()),
                    ">= 2000/s: " + yes(rate >= 2000) + ", lost 0: " + yes(!lost)};
        } finally {
            pool.shutdownNow();
            workers.forEach(Worker::close);
        }
    }

    /** One client: its own connection (raw socket, or its own HttpClient), its results. */
    private final class Worker {
        final RawHttpConnection raw;
        final HttpClient client;
        final String target;
        final byte[] headers;
        final HttpRequest request;
        final List<Long> latencies = new ArrayList<>();
        final List<Long> ends = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        final List<String> warmupIds = new ArrayList<>();
        final Map<Integer, Integer> errors = new TreeMap<>();
        int withoutId;

        Worker(RawHttpConnection raw, HttpClient client, String target, byte[] headers) {
            this(raw, client, target, headers, null);
        }

        Worker(RawHttpConnection raw, HttpClient client, String target, byte[] headers, HttpRequest request) {
            this.raw = raw;
            this.client = client;
            this.target = target;
            this.headers = headers;
            this.request = request;
        }

        void run(long deadline, boolean measured) throws Exception {
            List<String> idsInto = measured ? ids : warmupIds;
            while (System.nanoTime() < deadline) {
                long t = System.nanoTime();
                int status;
                String id;
                if (raw != null) {
                    RawHttpConnection.Response r = raw.post(target, headers, EMPTY_OBJECT);
                    status = r.status();
                    id = r.activationId();
                } else {
                    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode();
                    id = r.headers().firstValue("x-openwhisk-activation-id").orElse(null);
                }
                long end = System.nanoTime();
                if (id != null) {
                    idsInto.add(id);
                } else if (status != 429) {
                    withoutId++;
                }
                if (status != 200) {
                    errors.merge(status, 1, Integer::sum);
                }
                if (measured) {
                    latencies.add(end - t);
                    ends.add(end);
                }
            }
        }

        void close() {
            if (raw != null) {
                raw.close();
            }
        }
    }

    private static void runWorkers(ExecutorService pool, List<Worker> workers, int seconds, boolean measured)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<Void>> done = new ArrayList<>();
        for (Worker w : workers) {
            done.add(pool.submit((Callable<Void>) () -> {
                go.await();
                w.run(deadline[0], measured);
                return null;
            }));
        }
        deadline[0] = System.nanoTime() + seconds * 1_000_000_000L;
        go.countDown();
        for (Future<Void> f : done) {
            f.get();
        }
    }

    // ---------------------------------------------------------------- 4 + 5: first invocation, prewarm and cold

    private List<String[]> firstInvocations(Simulator sim, String prefix, boolean prewarm, int warmup, int runs)
            throws Exception {
        URI simUri = URI.create(sim.apiHost());
        RawHttpConnection conn = new RawHttpConnection(simUri.getHost(), simUri.getPort());
        long[] lat = new long[runs];
        long[] wait = new long[runs];
        long[] init = new long[runs];
        long[] duration = new long[runs];
        long[] dSpawn = new long[runs];
        long[] dInit = new long[runs];
        long[] dRun = new long[runs];
        long[] dTotal = new long[runs];
        int fromStemCell = 0;
        String what = prewarm ? "prewarm" : "cold";
        progress("%s: %d unmeasured + %d measured first invocations of new actions ...%n", what, warmup, runs);
        for (int i = 0; i < warmup + runs; i++) {
            String name = prefix + i;
            createAction(sim, name, null);
            Set<String> stemCells = new HashSet<>();
            if (prewarm) {
                for (PoolSnapshot.Entry e : awaitStemCells(sim, 2).containers()) {
                    if (e.state().equals("prewarmed")) {
                        stemCells.add(e.containerId());
                    }
                }
            }
            // a proxy of our own, for the same steps without the simulator; for the prewarm case it is started
            // (and idle) before the measured invoke, as the stem cell is
            DirectProxy direct = null;
            if (prewarm) {
                direct = DirectProxy.launch(runtime, KIND, MEMORY_MB, root.resolve("direct-" + (++proxies)),
                        Map.of("__OW_API_HOST", sim.apiHost()));
                direct.awaitPort();
            }
            Thread.sleep(200); // let the processes just started settle

            long t = System.nanoTime();
            RawHttpConnection.Response r = conn.post(ACTIONS + name + "?blocking=true", invokeHeaders, EMPTY_OBJECT);
            long l = System.nanoTime() - t;
            if (r.status() != 200) {
                throw new IllegalStateException(name + ": " + r.status() + " " + r.text());
            }
            JsonNode rec = json.readTree(r.body());
            if (!rec.path("response").path("result").path("ok").asBoolean(false)) {
                throw new IllegalStateException(name + ": unexpected result " + rec);
            }
            JsonNode initTime = annotation(rec, "initTime");
            if (initTime == null) {
                throw new IllegalStateException(name + ": the first invoke has no initTime: " + rec);
            }
            String containerId = sim.pool().snapshot().containers().stream()
                    .filter(e -> (NS + "/" + name).equals(e.action())).map(PoolSnapshot.Entry::containerId)
                    .findFirst().orElse(null);

            // the same steps straight to a proxy: (spawn to ready line,) /init, /run; once the pool is quiet again
            // (the claimed stem cell is replaced by a new process, which takes CPU while it starts)
            if (prewarm) {
                awaitStemCells(sim, 2);
            }
            Thread.sleep(200);
            long d0 = System.nanoTime();
            long spawn = 0;
            if (!prewarm) {
                direct = DirectProxy.launch(runtime, KIND, MEMORY_MB, root.resolve("direct-" + (++proxies)),
                        Map.of("__OW_API_HOST", sim.apiHost()));
                direct.awaitPort();
                spawn = direct.spawnToReadyNanos();
            }
            RawHttpConnection dc = new RawHttpConnection("127.0.0.1", direct.awaitPort());
            long d1 = System.nanoTime();
            checkOk(dc.post("/init", proxyHeaders, initBody(name)).status(), "direct /init");
            long d2 = System.nanoTime();
            checkOk(dc.post("/run", proxyHeaders, runBody(name)).status(), "direct /run");
            long d3 = System.nanoTime();
            dc.close();
            direct.close();

            if (i >= warmup) {
                int k = i - warmup;
                lat[k] = l;
                wait[k] = annotation(rec, "waitTime").asLong() * 1_000_000L;
                init[k] = initTime.asLong() * 1_000_000L;
                duration[k] = rec.path("duration").asLong() * 1_000_000L;
                dSpawn[k] = spawn;
                dInit[k] = d2 - d1;
                dRun[k] = d3 - d2;
                dTotal[k] = d3 - d0;
                if (containerId != null && stemCells.contains(containerId)) {
                    fromStemCell++;
                }
            }
        }
        conn.close();
        for (long[] a : List.of(lat, wait, init, duration, dSpawn, dInit, dRun, dTotal)) {
            Arrays.sort(a);
        }
        List<String[]> rows = new ArrayList<>();
        if (prewarm) {
            rows.add(new String[] {"first invoke from a prewarmed container", String.valueOf(runs), ms(pct(lat, 50)),
                    ms(pct(lat, 90)), ms(lat[runs - 1]), ms(pct(wait, 50)), ms(pct(init, 50)), ms(pct(duration, 50)),
                    "< 15 ms: " + yes(pct(lat, 50) < 15_000_000)});
            rows.add(new String[] {"  direct: /init + /run on an idle proxy", String.valueOf(runs), ms(pct(dTotal, 50)),
                    ms(pct(dTotal, 90)), ms(dTotal[runs - 1]), "-", ms(pct(dInit, 50)) + " (/init)",
                    ms(pct(dRun, 50)) + " (/run)", ""});
            notes.add(String.format(Locale.ROOT, "Prewarm: %d of %d measured first invokes ran in a container that was a"
                    + " stem cell just before (container id checked in the pool snapshot).", fromStemCell, runs));
        } else {
            rows.add(new String[] {"cold start (no stem cells)", String.valueOf(runs), ms(pct(lat, 50)), ms(pct(lat, 90)),
                    ms(lat[runs - 1]), ms(pct(wait, 50)), ms(pct(init, 50)), ms(pct(duration, 50)),
                    "< 150 ms: " + yes(pct(lat, 50) < 150_000_000)});
            rows.add(new String[] {"  direct: spawn + ready line + /init + /run", String.valueOf(runs), ms(pct(dTotal, 50)),
                    ms(pct(dTotal, 90)), ms(dTotal[runs - 1]), ms(pct(dSpawn, 50)) + " (spawn to ready)",
                    ms(pct(dInit, 50)) + " (/init)", ms(pct(dRun, 50)) + " (/run)", ""});
        }
        return rows;
    }

    private static JsonNode annotation(JsonNode record, String key) {
        for (JsonNode a : record.path("annotations")) {
            if (key.equals(a.path("key").asText())) {
                return a.get("value");
            }
        }
        return null;
    }

    /** Waits until the pool holds {@code count} stem cells of the benchmark's kind and memory, none starting. */
    private static PoolSnapshot awaitStemCells(Simulator sim, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            PoolSnapshot s = sim.pool().snapshot();
            long ready = s.containers().stream().filter(e -> e.state().equals("prewarmed") && e.kind().equals(KIND)
                    && e.memoryMb() == MEMORY_MB).count();
            long starting = s.containers().stream().filter(e -> e.state().equals("starting")).count();
            if (ready >= count && starting == 0) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + count + " stem cells after 30 s: " + s);
            }
            Thread.sleep(5);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private void createAction(Simulator sim, String name, String limitsJson) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode exec = body.putObject("exec");
        exec.put("kind", KIND);
        exec.put("code", CODE);
        if (limitsJson != null) {
            body.set("limits", json.readTree(limitsJson));
        }
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(sim.apiHost() + ACTIONS + name + "?overwrite=true"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT " + name + ": " + r.statusCode() + " " + r.body());
        }
    }

    private boolean actionExists(Simulator sim, String name) throws Exception {
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(sim.apiHost() + ACTIONS + name))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200;
    }

    private byte[] initBody(String name) {
        ObjectNode value = json.createObjectNode();
        value.put("name", name);
        value.put("main", "main");
        value.put("code", CODE);
        value.put("binary", false);
        value.putObject("env");
        ObjectNode body = json.createObjectNode();
        body.set("value", value);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code /run} body shaped as the invoker's. */
    private byte[] runBody(String name) {
        ObjectNode body = json.createObjectNode();
        body.putObject("value");
        body.put("namespace", NS);
        body.put("action_name", "/" + NS + "/" + name);
        body.put("action_version", "0.0.1");
        body.put("activation_id", "0123456789abcdef0123456789abcdef");
        body.put("deadline", Long.toString(System.currentTimeMillis() + 3_600_000));
        body.put("transaction_id", "0123456789abcdef0123456789abcdef");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Warm-up goes on until the JIT compilers take less than this share of the wall time (of one CPU). */
    private static final double JIT_QUIET_SHARE = 0.05;
    /** ... for this many rounds in a row (compilations come in bursts). */
    private static final int JIT_QUIET_ROUNDS = 3;

    /** The bound on that extra warm-up ({@code bench.invoker.maxSettleSeconds}, default 30). */
    private static long maxSettleNanos() {
        return intProp("bench.invoker.maxSettleSeconds", 30) * 1_000_000_000L;
    }

    /** Milliseconds the JIT compilers have spent so far (summed over their threads). */
    private static long compileMillis() {
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "NO";
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return v;
        } catch (IOException | InterruptedException e) {
            return "n/a";
        }
    }
}
