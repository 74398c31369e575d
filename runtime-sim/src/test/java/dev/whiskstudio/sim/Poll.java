package dev.whiskstudio.sim;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits with a bound for something a test expects to become true. */
public final class Poll {
    private Poll() {
    }

    public static void until(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Like {@link #until}, showing the last value seen when it times out. */
    public static <T> T until(Duration limit, String what, Supplier<T> value, java.util.function.Predicate<T> ok) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = value.get();
        while (!ok.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toMillis() + " ms waiting for " + what + "; last: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            last = value.get();
        }
        return last;
    }
}
