package dev.whiskstudio.app.status;

import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.ui.Failures;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

import static dev.whiskstudio.app.ui.Failures.messageOf;
import static dev.whiskstudio.app.ui.Failures.sentence;

/** Turns a failure into one sentence a user can act on; the one place the status screen words errors. */
final class FailureText {
    private FailureText() {
    }

    static String of(Throwable failure) {
        Throwable t = Failures.unwrap(failure);
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
}
