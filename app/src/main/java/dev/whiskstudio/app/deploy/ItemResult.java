package dev.whiskstudio.app.deploy;

import java.util.Objects;

/**
 * How one entity of a deploy ended.
 *
 * @param message    for a failure, the platform's words; for a skip, why; else empty
 * @param httpStatus the platform's status for a failure it answered, else 0
 */
public record ItemResult(DeployItem item, ItemStatus status, String message, int httpStatus) {

    public ItemResult {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    static ItemResult of(DeployItem item, ItemStatus status, String message) {
        return new ItemResult(item, status, message, 0);
    }
}
