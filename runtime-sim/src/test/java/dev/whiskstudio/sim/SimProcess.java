package dev.whiskstudio.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The headless simulator ({@code Main serve}) in its own JVM, as a CI pipeline would run it. */
final class SimProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready on (http://127\\.0\\.0\\.1:(\\d+))");
    private final Process process;
    private final String apiHost;

    private SimProcess(Process process, String apiHost) {
        this.process = process;
        this.apiHost = apiHost;
    }

    /** Starts {@code serve} on a free port and waits (bounded) for its ready line. */
    static SimProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.whiskstudio.sim.Main", "serve",
                "--port", "0", "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = out.readLine()) != null) {
                    seen.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        drain(out);
                        return m.group(1);
                    }
                }
                throw new IllegalStateException("simulator exited before it was ready:\n" + seen);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return new SimProcess(p, ready.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("simulator did not become ready", e);
        }
    }

    /** Keeps reading the output so the process never blocks on a full pipe. */
    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "sim-process-output");
        t.setDaemon(true);
        t.start();
    }

    String apiHost() {
        return apiHost;
    }

    /** Pids of the processes the simulator started (its containers). */
    List<Long> childPids() {
        return process.descendants().map(ProcessHandle::pid).toList();
    }

    /** SIGKILL: no shutdown hook, no chance to flush anything. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("simulator survived SIGKILL");
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL if it lingers). */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
