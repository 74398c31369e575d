package dev.whiskstudio.sim.api;

/**
 * A request that the platform answers with a status and {@code {"error","code"}}; thrown anywhere below the
 * REST layer and rendered in one place.
 */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound() {
        return new ApiException(404, Messages.RESOURCE_DOES_NOT_EXIST);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    /** 403 naming what was refused ({@code ns} or {@code ns/name}), as the platform's entitlement check does. */
    public static ApiException forbiddenOn(String fqname) {
        return new ApiException(403, Messages.notAuthorizedFor(fqname));
    }

    public static ApiException forbidden() {
        return new ApiException(403, Messages.NOT_AUTHORIZED);
    }
}
