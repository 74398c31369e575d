package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.client.OpenWhiskException;

/**
 * The target refused the key (401) or what it may do (403): nothing further can succeed, so a deploy stops at
 * once with this message instead of failing every entity the same way. The key itself is never part of it.
 */
public final class AuthFailure extends OpenWhiskException {

    private AuthFailure(OpenWhiskException cause) {
        super(cause.status(), message(cause), cause.code());
        initCause(cause);
    }

    static boolean is(OpenWhiskException e) {
        return e.status() == 401 || e.status() == 403;
    }

    /** An {@link AuthFailure} for a 401 or 403, else the exception itself. */
    static OpenWhiskException orSame(OpenWhiskException e) {
        return e instanceof AuthFailure || !is(e) ? e : new AuthFailure(e);
    }

    private static String message(OpenWhiskException e) {
        return e.status() == 401
                ? "The target refused the key (HTTP 401: " + e.error() + "). Check the target's key; the deploy stopped."
                : "The key may not change this namespace (HTTP 403: " + e.error() + "). Check the target's namespace"
                + " and key; the deploy stopped.";
    }
}
