package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.client.OpenWhiskException;

/**
 * A 403 on an entity of another namespace (a sequence's component, a feed action): the key may still do all it
 * needs in the target's namespace, so only the entity that needs it fails, with a message naming what was refused,
 * and the deploy goes on. A 401, or a 403 on the target's namespace itself, is an {@link AuthFailure} instead.
 */
final class ForeignRefusal extends OpenWhiskException {

    private ForeignRefusal(OpenWhiskException cause, String what) {
        super(cause.status(), "The key may not use " + what + " (HTTP 403: " + cause.error() + ").", cause.code());
        initCause(cause);
    }

    /**
     * A {@link ForeignRefusal} for a 403 on {@code namespace} when it is not {@code target}; else the exception
     * itself.
     *
     * @param what the entity refused, for a person ("the feed /whisk.system/alarms/alarm")
     */
    static OpenWhiskException orSame(OpenWhiskException e, String namespace, String target, String what) {
        return e.status() == 403 && namespace != null && !namespace.equals(target) ? new ForeignRefusal(e, what) : e;
    }

    /** The namespace of {@code /namespace/...}, else null. */
    static String namespaceOf(String fullName) {
        if (fullName == null || !fullName.startsWith("/")) {
            return null;
        }
        int slash = fullName.indexOf('/', 1);
        return slash < 0 ? fullName.substring(1) : fullName.substring(1, slash);
    }
}
