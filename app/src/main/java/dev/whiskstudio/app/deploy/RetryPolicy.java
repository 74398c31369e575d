package dev.whiskstudio.app.deploy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry a request the platform asked to be retried (429, 5xx) or whose connection
 * dropped: exponential backoff from {@code base}, capped at {@code max}, with jitter (a random time between half the
 * step and the step), so that clients throttled together do not come back together; a {@code Retry-After} the
 * server sends is honoured up to {@code maxRetryAfter}, so a deploy never waits without a bound.
 *
 * @param attempts how many times a request is sent at most (1: never retried)
 */
public record RetryPolicy(int attempts, Duration base, Duration max, Duration maxRetryAfter) {
    /** For clusters: 5 attempts, 250 ms doubling up to 4 s; Retry-After up to 30 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(30));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed. */
    public Duration backoff(int attempt) {
        long step = Math.min(max.toMillis(), base.toMillis() << Math.min(20, attempt - 1));
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** The server's wish, bounded. */
    public Duration retryAfter(Duration asked) {
        return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
}
