package dev.whiskstudio.app.deploy;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.BooleanSupplier;

/**
 * Retries what the platform asks to be retried, as its docs advise: a 429 (throttled) and a 5xx, and a connection
 * that dropped before an answer came. A request whose repetition could do something twice is not retried after a
 * dropped connection, and an invocation is retried only on 429 and 503 (its 502 is the action's own failure). A
 * target that is not there at all (refused, unknown host, timed out) is not retried: waiting would only delay
 * saying so. Waits check {@code cancelled} often, so a cancel ends them.
 */
public final class RetryInterceptor implements Interceptor {
    private static final long SLICE_MS = 25;

    private final RetryPolicy policy;
    private final BooleanSupplier cancelled;

    public RetryInterceptor(RetryPolicy policy, BooleanSupplier cancelled) {
        this.policy = policy;
        this.cancelled = cancelled;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (attempt >= policy.attempts() || !retriesDrop(request, e)) {
                    throw e;
                }
                pause(policy.backoff(attempt));
                continue;
            }
            if (attempt >= policy.attempts() || !retriesStatus(request, response.code())) {
                return response;
            }
            Duration asked = retryAfter(response.header("Retry-After"));
            response.close();
            pause(asked != null ? policy.retryAfter(asked) : policy.backoff(attempt));
        }
    }

    private static boolean isInvocation(Request request) {
        return "POST".equals(request.method()) && request.url().encodedPath().contains("/actions/");
    }

    static boolean retriesStatus(Request request, int code) {
        if (isInvocation(request)) {
            return code == 429 || code == 503;
        }
        return code == 429 || (code >= 500 && code != 501 && code != 505);
    }

    private boolean retriesDrop(Request request, IOException e) {
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException) || cancelled.getAsBoolean()) {
            return false;
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || e instanceof SocketTimeoutException) {
            return false;
        }
        // a PUT or DELETE of the same body ends in the same state; a rule's status likewise; an invocation does not
        return switch (request.method()) {
            case "GET", "HEAD", "PUT", "DELETE" -> true;
            case "POST" -> request.url().encodedPath().contains("/rules/");
            default -> false;
        };
    }

    /** Seconds, or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.ofMillis(Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis()));
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private void pause(Duration wait) throws IOException {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedIOException("Cancelled while waiting to retry.");
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(SLICE_MS, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting to retry.");
            }
        }
    }
}
