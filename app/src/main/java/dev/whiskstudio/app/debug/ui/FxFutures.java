package dev.whiskstudio.app.debug.ui;

import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/** Hands a session future's outcome to the FX thread, with the failure unwrapped to the one to show. */
final class FxFutures {
    private FxFutures() {
    }

    /** Runs {@code onFx} on the FX thread with the value, or with null and the cause of the failure. */
    static <T> void whenDone(CompletableFuture<T> future, BiConsumer<T, Throwable> onFx) {
        future.whenComplete((value, error) -> Platform.runLater(() -> onFx.accept(value, unwrap(error))));
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The message for the user. */
    static String message(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof TimeoutException) {
            return "No answer in time.";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
