package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.client.OpenWhiskException;

/**
 * The target refused the key (401) or what it may do in the target's namespace (403): nothing further can succeed,
 * so a deploy stops at once with this message instead of failing every entity the same way. A 403 on another
 * namespace's entity is a {@link ForeignRefusal} of that entity only. The key itself is never part of it.
 */
public final class AuthFailure extends OpenWhiskException {

    private AuthFailure(OpenWhiskException cause) {
        super(cause.status(), message(cause), cause.code());
        initCause(cause);
    }

    static boolean is(OpenWhiskException e) {
        return e.status() == 401 || e.status() == 403;
    }

    /**
     * An {@link AuthFailure} for a 401 or 403, else the exception itself; a {@link ForeignRefusal} stays one.
     * Call it for requests on the target's namespace.
     */
    static OpenWhiskException orSame(OpenWhiskException e) {
        return e instanceof AuthFailure || e instanceof ForeignRefusal || !is(e) ? e : new AuthFailure(e);
    }

    private static String message(OpenWhiskException e) {
        return e.status() == 401
                ? "The target refused the key (HTTP 401: " + e.error() + "). Check the target's key; the deploy stopped."
                : "The key may not change this namespace (HTTP 403: " + e.error() + "). Check the target's namespace"
                + " and key; the deploy stopped.";
    }
}
