package dev.whiskstudio.app.debug;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code node --inspect-brk=127.0.0.1:0 file.js} started by a test: its inspector URL (read from stderr), its output,
 * and a close that leaves no process.
 */
public final class NodeScript implements AutoCloseable {
    private static final String LISTENING = "Debugger listening on ";

    private final Process process;
    private final OutputLines stdout;
    private final OutputLines stderr;
    private final String inspectorUrl;

    private NodeScript(Process process) throws IOException, InterruptedException {
        this.process = process;
        this.stdout = new OutputLines(process.getInputStream(), "node-out-" + process.pid());
        this.stderr = new OutputLines(process.getErrorStream(), "node-err-" + process.pid());
        String line = stderr.await(l -> l.startsWith(LISTENING), Duration.ofSeconds(15)).orElse(null);
        if (line == null) {
            close();
            throw new IOException("node did not print its inspector URL: " + stderr.all());
        }
        this.inspectorUrl = line.substring(LISTENING.length()).trim();
    }

    /** Starts {@code script} waiting for the debugger before its first line. */
    public static NodeScript start(Path script) throws IOException, InterruptedException {
        return new NodeScript(new ProcessBuilder("node", "--inspect-brk=127.0.0.1:0", script.toString())
                .directory(script.toAbsolutePath().getParent().toFile()).start());
    }

    public static boolean nodeOnPath() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String inspectorUrl() {
        return inspectorUrl;
    }

    public OutputLines stdout() {
        return stdout;
    }

    public OutputLines stderr() {
        return stderr;
    }

    public Process process() {
        return process;
    }

    /** Waits up to {@code bound} for the process to exit by itself. */
    public boolean exited(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Kills it as a crash would (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
