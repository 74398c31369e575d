package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.ui.Failures;
import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
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
        return error == null ? null : Failures.unwrap(error);
    }

    /** The message for the user; a time-out says so in words. */
    static String message(Throwable error) {
        Throwable t = Failures.unwrap(error);
        return t instanceof TimeoutException ? "No answer in time." : Failures.messageOf(t);
    }
}
