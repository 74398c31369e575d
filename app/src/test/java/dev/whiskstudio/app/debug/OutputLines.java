package dev.whiskstudio.app.debug;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A process's output stream read line by line on its own thread (a full pipe would block the process), kept for
 * assertions and waited on with a bound.
 */
public final class OutputLines {
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    public OutputLines(InputStream in, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException gone) {
                // the process ended
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** The first line that matches, waiting up to {@code bound} for it; empty if the stream ends or time runs out. */
    public synchronized Optional<String> await(Predicate<String> match, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (match.test(lines.get(seen))) {
                    return Optional.of(lines.get(seen));
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public synchronized List<String> all() {
        return List.copyOf(lines);
    }
}
