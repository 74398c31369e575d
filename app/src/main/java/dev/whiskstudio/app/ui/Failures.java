package dev.whiskstudio.app.ui;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What the views' wording of failures shares: the failure under its wrappers, its message, and a sentence made of
 * it. Each view still says in its own words what failed ({@code FailureText}, {@code ProblemText}).
 */
public final class Failures {
    private Failures() {
    }

    /** The failure itself, without the executor's and future's wrappers around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Its message, or its cause's, or at least its kind. */
    public static String messageOf(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getCause() != null ? messageOf(t.getCause()) : t.getClass().getSimpleName();
        }
        return message.strip();
    }

    /** Capitalised, and ending in a full stop unless it ends in one of its own. */
    public static String sentence(String text) {
        String s = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }
}
