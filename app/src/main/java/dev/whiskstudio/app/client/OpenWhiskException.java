package dev.whiskstudio.app.client;

import java.io.IOException;

/**
 * The platform answered, and the answer was an error: its HTTP status, its {@code error} text (or the HTTP reason
 * when the body was not the platform's, say a proxy's 503 page) and its {@code code}, the transaction id that the
 * platform's logs know the request by (null when absent).
 */
public class OpenWhiskException extends IOException {
    private final int status;
    private final String error;
    private final String code;

    public OpenWhiskException(int status, String error, String code) {
        super(error + " (HTTP " + status + ")");
        this.status = status;
        this.error = error;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The platform's own words, e.g. "The requested resource does not exist.". */
    public String error() {
        return error;
    }

    public String code() {
        return code;
    }
}
