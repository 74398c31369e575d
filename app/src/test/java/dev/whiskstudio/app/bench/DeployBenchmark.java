package dev.whiskstudio.app.bench;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.deploy.DeployPreview;
import dev.whiskstudio.app.deploy.DeployResult;
import dev.whiskstudio.app.deploy.DeployScope;
import dev.whiskstudio.app.deploy.Deployer;
import dev.whiskstudio.app.deploy.DeployListener;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Deploying a generated 20-action project (one package with inputs; 18 file actions with a {@code $VAR} input and 2
 * folder actions zipped with their {@code node_modules}) to a local simulator acting as the cluster, through
 * {@link Deployer} as the dialog and the command use it:
 *
 * <ul>
 * <li><b>first deploy</b>: preview (a GET per entity, all 404) plus the 21 writes, into a fresh simulator;</li>
 * <li><b>redeploy, no changes</b>: preview (21 GETs, every entity unchanged) and the run, which sends nothing.</li>
 * </ul>
 *
 * Each run starts its own simulator (not timed), with a new deployer (new connections) for each measurement. The
 * project is loaded (and zipped) inside the timing. Properties: {@code bench.deploy.runs} (7), {@code bench.only}
 * ({@code deploy} or {@code all} runs this one).
 */
public final class DeployBenchmark {
    private static final int ACTIONS = 20;

    private DeployBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "all").trim();
        if (!only.isEmpty() && !only.equals("all") && !only.equals("deploy")) {
            System.out.println("deploy benchmark skipped (bench.only=" + only + ")");
            return;
        }
        int runs = Integer.getInteger("bench.deploy.runs", 7);
        System.out.println("== Whisk Studio deploy benchmark ==");
        System.out.printf(Locale.ROOT, "java %s | %d cpus | %d actions%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ACTIONS);
        Path scratch = Files.createTempDirectory("whisk-deploy-bench-");
        try {
            Path project = generate(scratch.resolve("project"));
            List<long[]> first = new ArrayList<>();
            List<long[]> again = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                try (Simulator sim = Simulator.start(SimConfig.defaults(scratch.resolve("sim-" + i), Profile.OPENWHISK)
                        .withPort(0))) {
                    TargetEntry target = TargetEntry.of(new Target("bench", sim.apiHost(), Credential.GUEST.auth()),
                            null, TargetSource.USER, null);
                    long[] a = deploy(project, target, ACTIONS + 1);
                    long[] b = deploy(project, target, 0);
                    System.out.printf(Locale.ROOT, "%s run %d: first %.1f ms (preview %.1f), redeploy %.1f ms%n",
                            i == 0 ? "warm-up" : "measured", i, a[0] / 1e6, a[1] / 1e6, b[0] / 1e6);
                    if (i > 0) {
                        first.add(a);
                        again.add(b);
                    }
                }
            }
            System.out.println();
            System.out.println("| measure | runs | median | min | max | target |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            row("first deploy: load + preview + 21 writes", first, 0);
            row("  of which the preview", first, 1);
            row("redeploy, no changes: load + preview + run (0 writes)", again, 0);
        } finally {
            deleteTree(scratch);
        }
    }

    /** {whole, preview} in nanoseconds; checks the number of writes. */
    private static long[] deploy(Path folder, TargetEntry target, int expectedWrites) throws IOException {
        long t0 = System.nanoTime();
        try (Deployer deployer = Deployer.open(target)) {
            Project project = ProjectLoader.load(folder);
            DeployPreview preview = deployer.preview(project, DeployScope.project(), Map.of("GREETING", "Hi"), () -> false);
            long t1 = System.nanoTime();
            DeployResult result = deployer.deploy(preview, false, DeployListener.NONE, () -> false);
            long t2 = System.nanoTime();
            int written = result.with(dev.whiskstudio.app.deploy.ItemStatus.DONE).size();
            if (!result.succeeded() || written != expectedWrites) {
                throw new IllegalStateException("expected " + expectedWrites + " writes: " + result.summary());
            }
            return new long[]{t2 - t0, t1 - t0};
        }
    }

    private static Path generate(Path dir) throws IOException {
        StringBuilder manifest = new StringBuilder("packages:\n  bench:\n    inputs:\n      region: eu\n    actions:\n");
        for (int i = 0; i < ACTIONS; i++) {
            String name = "action-" + i;
            if (i < ACTIONS - 2) {
                write(dir.resolve("src/" + name + ".js"), "function main(p) { return { n: " + i
                        + ", greeting: p.greeting, region: p.region, pad: '" + "x".repeat(2000) + "' }; }\n");
                manifest.append("      ").append(name).append(":\n        function: src/").append(name)
                        .append(".js\n        runtime: nodejs:20\n        inputs:\n          greeting: $GREETING\n");
            } else {
                Path folder = dir.resolve(name);
                write(folder.resolve("package.json"), "{\"name\":\"" + name + "\",\"main\":\"index.js\"}\n");
                write(folder.resolve("index.js"), "const pad = require('left-pad');\nexports.main = () => ({ v: pad('x', 5) });\n");
                write(folder.resolve("node_modules/left-pad/package.json"), "{\"name\":\"left-pad\",\"main\":\"index.js\"}\n");
                write(folder.resolve("node_modules/left-pad/index.js"),
                        "module.exports = (s, n) => ' '.repeat(Math.max(0, n - s.length)) + s;\n// " + "y".repeat(20000) + "\n");
                manifest.append("      ").append(name).append(":\n        function: ").append(name)
                        .append("\n        runtime: nodejs:20\n");
            }
        }
        write(dir.resolve("manifest.yml"), manifest.toString());
        return dir;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void row(String what, List<long[]> samples, int index) {
        List<Long> values = samples.stream().map(s -> s[index]).sorted().toList();
        long median = values.get(values.size() / 2);
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %s |%n", what, values.size(),
                median / 1e6, values.get(0) / 1e6, values.get(values.size() - 1) / 1e6,
                index == 0 ? (median < 2_000_000_000L ? "< 2 s: met" : "< 2 s: NOT met") : "");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
