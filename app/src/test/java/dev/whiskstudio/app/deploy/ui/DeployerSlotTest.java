package dev.whiskstudio.app.deploy.ui;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing the dialog closes its deployer after the work in flight, on an executor of several threads. */
class DeployerSlotTest {

    private static final class Closable implements AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void disposingWhileWorkRunsClosesOnlyWhenTheWorkEnds() throws Exception {
        DeployerSlot<Closable> slot = new DeployerSlot<>();
        Closable deployer = slot.use(d -> true, Closable::new);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean closedWhileRunning = new AtomicBoolean();
            slot.workStarted();
            executor.execute(() -> {
                try {
                    running.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    closedWhileRunning.set(deployer.closed.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    slot.workEnded();
                }
            });
            assertTrue(running.await(10, TimeUnit.SECONDS));

            slot.dispose();
            assertFalse(deployer.closed.get(), "not under the work in flight");
            release.countDown();
            executor.shutdown();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));

            assertFalse(closedWhileRunning.get());
            assertTrue(deployer.closed.get(), "closed by the work's finally");
            assertNull(slot.current());
            assertThrows(IllegalStateException.class, () -> slot.use(d -> true, Closable::new));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void disposingWhenIdleClosesAtOnceAndAnotherTargetClosesThePreviousDeployer() {
        DeployerSlot<Closable> slot = new DeployerSlot<>();
        Closable first = slot.use(d -> true, Closable::new);
        Closable second = slot.use(d -> false, Closable::new);
        assertTrue(first.closed.get());
        assertFalse(second.closed.get());

        slot.dispose();
        assertTrue(second.closed.get());
    }
}
