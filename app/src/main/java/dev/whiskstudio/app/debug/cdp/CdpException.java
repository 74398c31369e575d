package dev.whiskstudio.app.debug.cdp;

/**
 * A command that failed: the inspector answered with a protocol error ({@link #code()} is its JSON-RPC code, such as
 * -32000), or no answer came in time, or the connection closed before it, or a message could not be read (the
 * negative codes below, which the protocol never uses).
 */
public class CdpException extends RuntimeException {
    /** The connection closed, or was never open, before the answer came. */
    public static final int CLOSED = -1;
    /** No answer within the command's time bound. */
    public static final int TIMEOUT = -2;
    /** A message that does not have the shape the protocol promises. */
    public static final int MALFORMED = -3;

    private final int code;

    public CdpException(int code, String message) {
        super(message);
        this.code = code;
    }

    public CdpException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** True for an error the inspector itself answered, false for a timeout, a closed connection or bad JSON. */
    public boolean isProtocolError() {
        return code != CLOSED && code != TIMEOUT && code != MALFORMED;
    }
}
