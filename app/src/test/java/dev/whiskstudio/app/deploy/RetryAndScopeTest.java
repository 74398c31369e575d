package dev.whiskstudio.app.deploy;

import okhttp3.Request;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry policy's waits, what is retried, Retry-After, and scopes as the command line writes them. */
class RetryAndScopeTest {

    @Test
    void backoffDoublesWithJitterAndStaysUnderItsCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5));
        for (int i = 0; i < 50; i++) {
            long first = policy.backoff(1).toMillis();
            long third = policy.backoff(3).toMillis();
            long tenth = policy.backoff(10).toMillis();
            assertTrue(first >= 50 && first <= 100, "jitter between half the step and the step: " + first);
            assertTrue(third >= 200 && third <= 400, "doubled twice: " + third);
            assertTrue(tenth >= 500 && tenth <= 1000, "capped: " + tenth);
        }
        assertEquals(Duration.ofSeconds(5), policy.retryAfter(Duration.ofHours(1)), "a server's wish is bounded");
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertEquals(Duration.ofSeconds(3), RetryInterceptor.retryAfter("3"));
        assertNull(RetryInterceptor.retryAfter(null));
        assertNull(RetryInterceptor.retryAfter("soon"));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        long seconds = RetryInterceptor.retryAfter(inTenSeconds).toSeconds();
        assertTrue(seconds >= 8 && seconds <= 10, String.valueOf(seconds));
    }

    @Test
    void anInvocationIsRetriedOnlyWhenThePlatformDidNotRunIt() {
        Request put = new Request.Builder().url("http://127.0.0.1/api/v1/namespaces/g/actions/p/a").build();
        Request invoke = new Request.Builder().url("http://127.0.0.1/api/v1/namespaces/g/actions/p/a")
                .post(okhttp3.RequestBody.create(new byte[0])).build();
        assertTrue(RetryInterceptor.retriesStatus(put, 429));
        assertTrue(RetryInterceptor.retriesStatus(put, 502));
        assertFalse(RetryInterceptor.retriesStatus(put, 409));
        assertFalse(RetryInterceptor.retriesStatus(put, 501));
        assertTrue(RetryInterceptor.retriesStatus(invoke, 503));
        assertFalse(RetryInterceptor.retriesStatus(invoke, 502), "a 502 invocation is the action's own failure");
    }

    @Test
    void scopesParseAsTheCommandLineWritesThem() {
        assertEquals(DeployScope.project(), DeployScope.parse("project"));
        assertEquals(DeployScope.ofPackage("shop"), DeployScope.parse("package:shop"));
        assertEquals(DeployScope.ofAction("shop/greet"), DeployScope.parse("action:shop/greet"));
        assertEquals("shop", DeployScope.parse("action:shop/greet").actionPackage());
        assertEquals("default", DeployScope.parse("action:solo").actionPackage());
        assertThrows(IllegalArgumentException.class, () -> DeployScope.parse("package:"));
        assertThrows(IllegalArgumentException.class, () -> DeployScope.parse("module:x"));
    }
}
