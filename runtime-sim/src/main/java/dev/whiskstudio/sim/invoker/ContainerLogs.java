package dev.whiskstudio.sim.invoker;

import dev.whiskstudio.sim.backend.OutputLine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The output of one container, split into activations the platform's way: an activation's logs are the lines from
 * when it began until the runtime's end-of-activation sentinel has come on both stdout and stderr.
 * <p>
 * Lines are kept only while some activation collects, and only up to its log limit, so an action that writes
 * without end cannot fill the simulator's memory. With per-container concurrency above 1 the runtime's output of
 * simultaneous activations interleaves, as on the platform, and each collector sees all of it.
 */
final class ContainerLogs {
    static final String SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final List<Collector> collectors = new CopyOnWriteArrayList<>();

    /** Receives a line from the container (backend thread). */
    void accept(OutputLine line) {
        if (collectors.isEmpty()) {
            return;
        }
        if (line.text().equals(SENTINEL)) {
            collectors.forEach(c -> c.sentinel(line.stderr()));
            return;
        }
        String formatted = TIMESTAMP.format(Instant.ofEpochMilli(line.epochMillis()))
                + (line.stderr() ? " stderr: " : " stdout: ") + line.text();
        collectors.forEach(c -> c.add(formatted));
    }

    /** Starts collecting an activation's logs. */
    Collector begin(long logLimitBytes) {
        Collector c = new Collector(logLimitBytes);
        collectors.add(c);
        return c;
    }

    /** One activation's share of the output. */
    final class Collector {
        private final List<String> lines = new ArrayList<>();
        private final long limitBytes;
        private long bytes;
        private boolean truncated;
        private boolean stdoutEnded;
        private boolean stderrEnded;

        private Collector(long limitBytes) {
            this.limitBytes = limitBytes;
        }

        private synchronized void add(String formatted) {
            if (truncated || (stdoutEnded && stderrEnded)) {
                return;
            }
            long size = formatted.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > limitBytes) {
                truncated = true;
                return;
            }
            bytes += size;
            lines.add(formatted);
        }

        private synchronized void sentinel(boolean stderr) {
            if (stderr) {
                stderrEnded = true;
            } else {
                stdoutEnded = true;
            }
            notifyAll();
        }

        /**
         * Stops collecting: waits (at most {@code waitMs}) for the sentinels when asked to, and returns the lines,
         * with the platform's notice when they were cut at the limit.
         */
        List<String> end(boolean waitForSentinels, long waitMs) {
            synchronized (this) {
                if (waitForSentinels) {
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
                    while (!(stdoutEnded && stderrEnded)) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        try {
                            TimeUnit.NANOSECONDS.timedWait(this, left);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
                stdoutEnded = true;
                stderrEnded = true;
            }
            collectors.remove(this);
            List<String> out = new ArrayList<>(lines);
            if (truncated) {
                out.add("Logs were truncated because the total bytes size exceeds the limit of " + limitBytes + " bytes.");
            }
            return out;
        }
    }
}
