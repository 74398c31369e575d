package dev.whiskstudio.app.explorer;

import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.ui.Failures;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static dev.whiskstudio.app.ui.Failures.messageOf;
import static dev.whiskstudio.app.ui.Failures.sentence;

/** Words a failure of a request to a target as one sentence a user can act on; used by the explorer and invoke panel. */
public final class ProblemText {
    private ProblemText() {
    }

    /** @param apiHost the target's API host, named in connection failures */
    public static String of(Throwable failure, String apiHost) {
        Throwable t = Failures.unwrap(failure);
        String where = apiHost == null ? "the target" : apiHost;
        if (t instanceof RefusedException) {
            return t.getMessage();
        }
        if (t instanceof OpenWhiskException e) {
            String prefix = switch (e.status()) {
                case 401 -> "The target did not accept the key (401)";
                case 403 -> "The key may not do this (403)";
                case 404 -> "Not found on the target (404)";
                case 429 -> "The target is throttling this namespace (429)";
                default -> "The target answered " + e.status();
            };
            return sentence(prefix + ": " + e.error());
        }
        if (t instanceof ConnectException) {
            return "Could not connect to " + where + " (" + messageOf(t) + "). Is it running?";
        }
        if (t instanceof UnknownHostException) {
            return "Unknown host " + messageOf(t) + ": check the API host of the target.";
        }
        if (t instanceof SocketTimeoutException) {
            return where + " did not answer in time.";
        }
        if (t instanceof IllegalArgumentException) {
            // what the client says about a malformed API host or key
            return sentence("The target is not usable: " + messageOf(t));
        }
        return sentence(messageOf(t));
    }
}
