package dev.whiskstudio.app.status;

import dev.whiskstudio.app.client.OpenWhiskException;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into one sentence a user can act on; the one place the status screen words errors. */
final class FailureText {
    private FailureText() {
    }

    static String of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof OpenWhiskException e) {
            return sentence("The API answered " + e.status() + ": " + e.error());
        }
        if (t instanceof ConnectException) {
            return sentence("Could not connect to the API: " + messageOf(t));
        }
        if (t instanceof SocketTimeoutException) {
            return "The API did not answer in time.";
        }
        if (t instanceof FileAlreadyExistsException e) {
            // what creating a directory throws when a file has the name: its message is the bare path
            return e.getFile() + " already exists and is not a directory.";
        }
        if (t instanceof AccessDeniedException e) {
            return "Permission denied: " + e.getFile() + ".";
        }
        if (t instanceof NoSuchFileException e) {
            return e.getFile() + " does not exist.";
        }
        if (t instanceof SQLException) {
            return sentence("The simulator's database could not be opened: " + messageOf(t));
        }
        return sentence(messageOf(t));
    }

    private static String messageOf(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getCause() != null ? messageOf(t.getCause()) : t.getClass().getSimpleName();
        }
        return message.strip();
    }

    private static String sentence(String text) {
        String s = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
