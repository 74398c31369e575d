package dev.whiskstudio.sim.bench;

import dev.whiskstudio.plugin.ProxyLaunch;
import dev.whiskstudio.plugin.ProxyRequest;
import dev.whiskstudio.plugin.RuntimeProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An action proxy started by the benchmark itself, the way the process backend starts one (the runtime plugin's
 * {@link RuntimeProvider#launch} command, environment and working directory), to measure the proxy without the
 * simulator in front of it. Its output is read line by line on two threads, as the backend does (the proxy writes
 * the end-of-activation sentinel on both streams after every activation, and would block on a full pipe).
 */
final class DirectProxy implements AutoCloseable {
    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final long startedNanos;
    private volatile long readyNanos;

    private DirectProxy(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        pump(process.getInputStream(), "direct-proxy-out", true);
        pump(process.getErrorStream(), "direct-proxy-err", false);
    }

    /** Starts a proxy for {@code kind} with {@code memoryMb}; does not wait for it (see {@link #awaitPort}). */
    static DirectProxy launch(RuntimeProvider runtime, String kind, int memoryMb, Path scratch, Map<String, String> env)
            throws IOException {
        Files.createDirectories(scratch);
        long t0 = System.nanoTime();
        ProxyLaunch launch = runtime.launch(new ProxyRequest(kind, 0, memoryMb, scratch));
        ProcessBuilder pb = new ProcessBuilder(launch.command()).directory(launch.workingDir().toFile());
        pb.environment().putAll(env);
        pb.environment().putAll(launch.environment());
        return new DirectProxy(pb.start(), t0);
    }

    private void pump(InputStream in, String name, boolean readyLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (readyLine && !port.isDone()) {
                        int at = line.indexOf(RuntimeProvider.READY_LINE_PREFIX);
                        if (at >= 0) {
                            readyNanos = System.nanoTime();
                            port.complete(Integer.parseInt(line.substring(at + RuntimeProvider.READY_LINE_PREFIX.length()).trim()));
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // gone
            } finally {
                port.completeExceptionally(new IllegalStateException("the proxy's output ended before its ready line"));
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the ready line and returns the port. */
    int awaitPort() throws Exception {
        return port.get(15, TimeUnit.SECONDS);
    }

    /** From {@code ProcessBuilder.start} to the ready line read (after {@link #awaitPort}). */
    long spawnToReadyNanos() {
        return readyNanos - startedNanos;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
