package dev.whiskstudio.sim.backend.process;

import dev.whiskstudio.sim.backend.Container;
import dev.whiskstudio.sim.backend.OutputLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A container that is a child process: the action proxy running as {@code node proxy.js}. Pausing stops the process
 * ({@code SIGSTOP}); destroying kills it with its children and removes its scratch directory.
 */
final class ProcessContainer implements Container {
    private final Process process;
    private final Path scratchDir;
    private final OutputPump stdout;
    private final OutputPump stderr;
    private final CompletableFuture<Void> exited = new CompletableFuture<>();
    private volatile int port;

    /**
     * @param readyPrefix     the proxy's ready line: stdout lines up to it are start-up output, not an activation's
     * @param inspectorPrefix the debugger's announcement on stderr, taken out of the output; null when the process
     *                        runs without a debugger
     */
    ProcessContainer(Process process, Path scratchDir, String readyPrefix, String inspectorPrefix) {
        this.process = process;
        this.scratchDir = scratchDir;
        this.stdout = new OutputPump(process.getInputStream(), false, "out-" + process.pid(), readyPrefix, null);
        this.stderr = new OutputPump(process.getErrorStream(), true, "err-" + process.pid(), null, inspectorPrefix);
        process.onExit().whenComplete((p, e) -> {
            stdout.awaitEnd();
            stderr.awaitEnd();
            deleteScratch();
            exited.complete(null);
        });
    }

    /**
     * Reads lines of one stream on its own thread. With a ready prefix, lines up to the ready line are kept apart
     * as start-up output; after it, lines before a consumer is set wait in a buffer.
     */
    private static final class OutputPump {
        private final List<OutputLine> early = new ArrayList<>();
        private final List<String> startup = new ArrayList<>();
        private final CompletableFuture<Integer> readyPort = new CompletableFuture<>();
        private final CompletableFuture<String> announced = new CompletableFuture<>();
        private final Thread thread;
        private Consumer<OutputLine> consumer;

        OutputPump(InputStream in, boolean stderr, String name, String readyPrefix, String announcementPrefix) {
            if (readyPrefix == null) {
                readyPort.complete(0);
            }
            if (announcementPrefix == null) {
                announced.complete(null);
            }
            thread = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (!announced.isDone() && line.startsWith(announcementPrefix)) {
                            announced.complete(line.substring(announcementPrefix.length()).trim());
                            continue;
                        }
                        if (!readyPort.isDone()) {
                            int at = line.indexOf(readyPrefix);
                            if (at >= 0) {
                                readyPort.complete(Integer.parseInt(line.substring(at + readyPrefix.length()).trim()));
                            } else {
                                synchronized (startup) {
                                    startup.add(line);
                                }
                            }
                            continue;
                        }
                        deliver(new OutputLine(stderr, line, System.currentTimeMillis()));
                    }
                } catch (IOException | NumberFormatException e) {
                    // the process is gone (its streams closed under us), or its ready line was garbled
                } finally {
                    readyPort.completeExceptionally(new IllegalStateException("the proxy's output ended"));
                    announced.completeExceptionally(new IllegalStateException("the proxy's output ended"));
                }
            }, "container-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        private void deliver(OutputLine line) {
            Consumer<OutputLine> c;
            synchronized (this) {
                c = consumer;
                if (c == null) {
                    early.add(line);
                    return;
                }
            }
            c.accept(line);
        }

        List<String> startupLines() {
            synchronized (startup) {
                return new ArrayList<>(startup);
            }
        }

        void setConsumer(Consumer<OutputLine> c) {
            List<OutputLine> buffered;
            synchronized (this) {
                buffered = new ArrayList<>(early);
                early.clear();
                consumer = c;
            }
            buffered.forEach(c);
        }

        void awaitEnd() {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Completes with the proxy's port once it wrote its ready line; fails if its output ends first. */
    CompletableFuture<Integer> readyPort() {
        return stdout.readyPort.thenApply(p -> {
            this.port = p;
            return p;
        });
    }

    /** Completes with the debugger's URL once it is announced (at once with null when there is no debugger). */
    CompletableFuture<String> inspectorAnnounced() {
        return stderr.announced;
    }

    /** What the proxy wrote on stdout before its ready line (shown when it fails to start). */
    List<String> startupOutput() {
        return stdout.startupLines();
    }

    @Override
    public String id() {
        return Long.toString(process.pid());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String inspectorUrl() {
        return stderr.announced.getNow(null);
    }

    /** The scratch directory: the proxy's work directory ({@code __OW_PROXY_WORKDIR}). */
    @Override
    public String workDir() {
        return scratchDir.toAbsolutePath().toString();
    }

    @Override
    public void onOutput(Consumer<OutputLine> consumer) {
        stdout.setConsumer(consumer);
        stderr.setConsumer(consumer);
    }

    @Override
    public void pause() {
        signal("STOP");
    }

    @Override
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        if (!process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("could not send SIG" + name + " to " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        // a stopped process dies of SIGKILL too, so no SIGCONT is needed first
    }

    @Override
    public CompletableFuture<Void> exited() {
        return exited;
    }

    /** VmRSS of {@code /proc/PID/status}, or -1 off Linux or once the process is gone. */
    @Override
    public long residentMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** V8 aborts (exit 134, or 133 on a trap) when its heap limit is reached. */
    @Override
    public boolean diedOfMemory() {
        if (process.isAlive()) {
            return false;
        }
        int code = process.exitValue();
        return code == 134 || code == 133;
    }

    Process process() {
        return process;
    }

    private void deleteScratch() {
        if (!Files.exists(scratchDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(scratchDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the next start's orphan sweep removes what is left
        }
    }
}
