package dev.whiskstudio.app.bench;

import dev.whiskstudio.app.Launcher;
import dev.whiskstudio.app.StartupReport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Time from launching the app to an interactive window (issue 5): starts the real app in a new JVM, as the README's
 * command does after the build, several times, and reads the moments it reports ({@link StartupReport}) against the
 * moment this process started it. Uses the display in {@code DISPLAY}; without one it starts its own Xvfb when
 * there is one, else runs headless (Monocle). Not a unit test:
 * {@code mvn -q -B -pl app -am -DskipTests -Pbench -Dbench.only=launch test}.
 * <p>
 * Each run starts the app twice: with the JVM option the README's command gives it ({@code bench.launch.jvmOption},
 * the parent pom's {@code app.jvmOption}) and with none, alternately. System properties: {@code bench.launch.runs}
 * (7), {@code bench.launch.warmup} (1, unmeasured runs first: the first start of a JVM after a build reads its jars
 * from disk).
 */
public final class LaunchBenchmark {
    private static final List<String> MOMENTS = List.of("fx-start", "window-shown", "simulator-running", "workspace-ready");

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "all").trim();
        if (!only.isEmpty() && !only.equals("all") && !only.equals("launch")) {
            System.out.println("launch benchmark skipped (bench.only=" + only + ")");
            return;
        }
        int runs = Integer.getInteger("bench.launch.runs", 7);
        int warmup = Integer.getInteger("bench.launch.warmup", 1);
        Display display = Display.choose();
        System.out.println("== Whisk Studio launch benchmark ==");
        System.out.printf(Locale.ROOT, "java %s | %d cpus | display: %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), display.description());
        // the option the README's command gives the app's JVM (the parent pom's app.jvmOption), against none
        String appOption = System.getProperty("bench.launch.jvmOption", "-XX:TieredStopAtLevel=1");
        List<List<String>> variants = List.of(List.of(appOption), List.of());
        List<Map<String, long[]>> times = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            Map<String, long[]> t = new HashMap<>();
            MOMENTS.forEach(m -> t.put(m, new long[runs]));
            times.add(t);
        }
        try {
            // the variants alternate, so noise on the shared machine hits both alike
            for (int i = 0; i < warmup + runs; i++) {
                for (int v = 0; v < variants.size(); v++) {
                    Map<String, Long> run = launchOnce(display, variants.get(v));
                    System.out.printf(Locale.ROOT, "run %d%s %s: %s%n", i + 1, i < warmup ? " (warm-up)" : "",
                            label(variants.get(v)), run);
                    if (i >= warmup) {
                        for (String m : MOMENTS) {
                            times.get(v).get(m)[i - warmup] = run.get(m);
                        }
                    }
                }
            }
        } finally {
            display.close();
        }
        System.out.println();
        System.out.println("| JVM options | moment (ms after the JVM was started) | runs | median | min | max | target |");
        System.out.println("|---|---|---:|---:|---:|---:|---|");
        for (int v = 0; v < variants.size(); v++) {
            for (String m : MOMENTS) {
                long[] t = times.get(v).get(m);
                Arrays.sort(t);
                String target = m.equals("workspace-ready") ? (t[t.length / 2] < 3000 ? "< 3 s: yes" : "< 3 s: NO") : "";
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %s |%n", label(variants.get(v)), m, runs,
                        t[t.length / 2], t[0], t[t.length - 1], target);
            }
        }
    }

    private static String label(List<String> options) {
        return options.isEmpty() ? "(default JIT)" : String.join(" ", options);
    }

    /** One launch: the moments in ms after the process was started. */
    private static Map<String, Long> launchOnce(Display display, List<String> jvmOptions) throws Exception {
        Path data = Files.createTempDirectory("whisk-launch-bench");
        Path home = Files.createTempDirectory("whisk-launch-home");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + StartupReport.PROPERTY + "=true",
                "-Duser.home=" + home, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        cmd.addAll(display.jvmOptions());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(Launcher.class.getName(), "--port=0", "--data-dir=" + data));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        display.environment(pb.environment());
        long started = System.currentTimeMillis();
        Process app = pb.start();
        Map<String, Long> seen = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (seen.size() < MOMENTS.size() && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith(StartupReport.PREFIX)) {
                    String[] parts = line.substring(StartupReport.PREFIX.length()).split(" ");
                    seen.put(parts[0], Long.parseLong(parts[1]) - started);
                }
            }
            if (seen.size() < MOMENTS.size()) {
                throw new IllegalStateException("the app did not report every moment in 60 s: " + seen);
            }
        } finally {
            // SIGTERM, as a desktop's logout would: the app must stop its simulator's containers itself
            List<ProcessHandle> children = app.descendants().toList();
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
            List<ProcessHandle> left = children.stream().filter(ProcessHandle::isAlive).toList();
            if (!left.isEmpty()) {
                System.out.println("warning: the app left " + left.size() + " processes running; stopping them");
                left.forEach(ProcessHandle::destroyForcibly);
            }
            deleteTree(data);
            deleteTree(home);
        }
        return seen;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Where the app's window goes. */
    private interface Display extends AutoCloseable {
        String description();

        List<String> jvmOptions();

        void environment(Map<String, String> env);

        @Override
        void close();

        static Display choose() throws Exception {
            String existing = System.getenv("DISPLAY");
            if (existing != null && !existing.isBlank()) {
                return x11(existing, null);
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(dir, "Xvfb"))) {
                    return ownXvfb(Path.of(dir, "Xvfb"));
                }
            }
            return new Display() {
                public String description() {
                    return "headless Monocle (no X server found)";
                }

                public List<String> jvmOptions() {
                    return List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw");
                }

                public void environment(Map<String, String> env) {
                }

                public void close() {
                }
            };
        }

        private static Display ownXvfb(Path xvfb) throws Exception {
            for (int n = 91; n < 120; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process server = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1440x900x24", "-nolisten",
                        "tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && server.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (server.isAlive()) {
                    return x11(":" + n, server);
                }
            }
            throw new IllegalStateException("could not start Xvfb");
        }

        private static Display x11(String display, Process server) {
            return new Display() {
                public String description() {
                    return (server == null ? "X display " : "own Xvfb ") + display;
                }

                public List<String> jvmOptions() {
                    return List.of();
                }

                public void environment(Map<String, String> env) {
                    env.put("DISPLAY", display);
                }

                public void close() {
                    if (server != null) {
                        server.destroy();
                    }
                }
            };
        }
    }
}
