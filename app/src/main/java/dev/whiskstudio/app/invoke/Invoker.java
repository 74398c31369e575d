package dev.whiskstudio.app.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.client.Invocation;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.explorer.ActionRef;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Invokes an action and gets its whole outcome: blocking calls wait for the answer (up to the platform's 60 s),
 * non-blocking ones (and blocking ones that outlast the wait) poll the activation until its record appears, within a
 * bound. Logs come from the record, or from the activation's logs when the answer carries none (the platform's
 * blocking answers may leave them out). Blocking: run it off the FX thread.
 */
public final class Invoker {
    public static final Duration BLOCKING_WAIT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_POLL_LIMIT = Duration.ofMinutes(5);
    private static final long FIRST_POLL_MS = 100;
    private static final long MAX_POLL_MS = 2_000;

    private final OpenWhiskClient client;
    private final Duration pollLimit;

    public Invoker(OpenWhiskClient client, Duration pollLimit) {
        this.client = client;
        this.pollLimit = pollLimit;
    }

    /**
     * @param accepted  told the activation id as soon as it is known while the record is not (non-blocking)
     * @param cancelled checked while polling; a cancelled wait ends with {@link InterruptedIOException}
     */
    public InvokeOutcome invoke(ActionRef action, JsonNode params, boolean blocking, Consumer<String> accepted,
                                BooleanSupplier cancelled) throws IOException {
        Invocation answer = client.invoke(action.namespace(), action.path(), params, blocking,
                blocking ? BLOCKING_WAIT : null);
        if (answer.finished()) {
            return withLogs(answer.activationId(), answer.record(), action.namespace());
        }
        accepted.accept(answer.activationId());
        return poll(action.namespace(), answer.activationId(), cancelled);
    }

    private InvokeOutcome poll(String namespace, String activationId, BooleanSupplier cancelled) throws IOException {
        long deadline = System.nanoTime() + pollLimit.toNanos();
        long pause = FIRST_POLL_MS;
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedIOException("stopped waiting");
            }
            try {
                return withLogs(activationId, client.activation(namespace, activationId), namespace);
            } catch (OpenWhiskException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                return new InvokeOutcome(activationId, null, List.of(), "The activation did not finish within "
                        + pollLimit.toSeconds() + " s. It goes on; its record will be at activation " + activationId + ".");
            }
            try {
                // waiting for the platform to record the activation; this runs on a background thread
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped waiting");
            }
            pause = Math.min(MAX_POLL_MS, pause * 3 / 2);
        }
    }

    private InvokeOutcome withLogs(String activationId, JsonNode record, String namespace) throws IOException {
        List<String> logs = new ArrayList<>();
        record.path("logs").forEach(line -> logs.add(line.asText()));
        if (!logs.isEmpty() || activationId == null) {
            return new InvokeOutcome(activationId, record, logs, null);
        }
        try {
            return new InvokeOutcome(activationId, record, client.activationLogs(namespace, activationId), null);
        } catch (OpenWhiskException e) {
            if (e.status() == 404) {
                return new InvokeOutcome(activationId, record, List.of(),
                        "The target kept no record of this activation, so its logs cannot be read.");
            }
            throw e;
        }
    }
}
