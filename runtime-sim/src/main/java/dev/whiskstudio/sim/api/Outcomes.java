package dev.whiskstudio.sim.api;

import io.javalin.http.Context;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Answers a request with an outcome that may still be on its way. */
final class Outcomes {
    private Outcomes() {
    }

    /**
     * Answers at once when the outcome is known (an activation that ran on the request's own thread), without the
     * server's asynchronous round; else when it comes.
     */
    static <T> void answer(Context ctx, CompletableFuture<T> outcome, Consumer<T> answer) {
        if (outcome.isDone()) {
            answer.accept(outcome.join());
            return;
        }
        ctx.future(() -> outcome.thenAccept(answer));
    }
}
