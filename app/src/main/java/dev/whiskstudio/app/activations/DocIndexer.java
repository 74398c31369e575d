package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.ui.Failures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reads the whole records of the log's rows, so the text search can look into logs and results: a few missing ones
 * one by one, many by walking pages of whole records ({@code docs=true}) from the newest back to the oldest missing
 * start. It runs while active (the filter searches logs and results) and picks up rows added later. A record the
 * target no longer has counts as empty text. A failure stops it and is reported; the next change of the log retries.
 */
final class DocIndexer {
    /** Up to this many missing records are read one by one rather than by walking pages. */
    static final int ONE_BY_ONE = 20;

    private final ActivationLog log;
    private final RecordFetcher fetcher;
    private final Executor executor;
    private final Consumer<String> onProblem;
    private boolean active;
    private boolean running;
    private boolean dirty;
    private boolean closed;

    DocIndexer(ActivationLog log, RecordFetcher fetcher, Executor executor, Consumer<String> onProblem) {
        this.log = Objects.requireNonNull(log);
        this.fetcher = Objects.requireNonNull(fetcher);
        this.executor = Objects.requireNonNull(executor);
        this.onProblem = Objects.requireNonNull(onProblem);
    }

    synchronized void setActive(boolean on) {
        active = on && !closed;
        wake();
    }

    synchronized boolean active() {
        return active;
    }

    /** The log changed: read what is missing, if active. */
    synchronized void wake() {
        dirty = true;
        if (active && !running) {
            running = true;
            executor.execute(this::loop);
        }
    }

    synchronized void close() {
        closed = true;
        active = false;
    }

    private synchronized boolean goOn() {
        if (!active) {
            running = false;
            return false;
        }
        if (dirty) {
            dirty = false;
            return true;
        }
        running = false;
        return false;
    }

    private void loop() {
        try {
            while (goOn()) {
                List<LogEntry> missing = log.withoutDocText();
                while (!missing.isEmpty() && active()) {
                    if (missing.size() <= ONE_BY_ONE) {
                        oneByOne(missing);
                    } else {
                        walk(missing);
                    }
                    missing = log.withoutDocText();
                }
            }
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                running = false;
            }
            onProblem.accept("Could not read logs and results for the search: "
                    + Failures.messageOf(Failures.unwrap(e)));
        }
    }

    private void oneByOne(List<LogEntry> missing) throws IOException {
        for (LogEntry entry : missing) {
            if (!active()) {
                return;
            }
            String id = entry.row().activationId();
            try {
                fetcher.record(id);
            } catch (OpenWhiskException e) {
                if (e.status() != 404) {
                    throw e;
                }
                log.setDocText(id, "");
            }
        }
    }

    /** Pages of whole records from the newest to the oldest missing start; what the walk did not meet is gone. */
    private void walk(List<LogEntry> missing) throws IOException {
        Set<String> wanted = new HashSet<>();
        long oldest = Long.MAX_VALUE;
        for (LogEntry entry : missing) {
            wanted.add(entry.row().activationId());
            oldest = Math.min(oldest, entry.row().start());
        }
        ActivationReader reader = fetcher.reader();
        long since = Math.max(1, oldest);
        int skip = 0;
        while (!wanted.isEmpty() && active()) {
            int pageSize = reader.recordsPageSize();
            List<JsonNode> page = reader.records(skip, since);
            List<JsonNode> useful = new ArrayList<>();
            for (JsonNode record : page) {
                String id = record.path("activationId").asText("");
                LogEntry entry = log.get(id);
                if (wanted.remove(id) || entry != null && entry.docText() == null) {
                    useful.add(record);
                }
            }
            fetcher.rememberAll(useful);
            skip += page.size();
            if (page.size() < Math.min(pageSize, reader.recordsPageSize())) {
                for (String gone : wanted) {
                    log.setDocText(gone, "");
                }
                return;
            }
        }
    }
}
