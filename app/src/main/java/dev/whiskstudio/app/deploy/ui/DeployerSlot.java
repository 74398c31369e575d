package dev.whiskstudio.app.deploy.ui;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The dialog's one open deployer (or anything to close the same way), and the work that uses it. Work is counted
 * from when it is handed to the executor until its {@code finally}; when the dialog goes, the deployer is closed at
 * once if no work is in flight, else by the last work's {@code finally}: never under a request still being sent,
 * whatever the executor's number of threads.
 */
final class DeployerSlot<T extends AutoCloseable> {
    private T current;
    private int inFlight;
    private boolean disposed;

    /** Work was handed to the executor (call before handing it over). */
    synchronized void workStarted() {
        inFlight++;
    }

    /** Work ended, from its {@code finally}: the last one after {@link #dispose} closes the deployer. */
    synchronized void workEnded() {
        inFlight = Math.max(0, inFlight - 1);
        if (disposed && inFlight == 0) {
            closeCurrent();
        }
    }

    /**
     * The open deployer if it {@code fits}, else a new one from {@code open} (the previous one closed).
     *
     * @throws IllegalStateException after {@link #dispose}: the dialog is gone
     */
    synchronized T use(Predicate<T> fits, Supplier<T> open) {
        if (disposed) {
            throw new IllegalStateException("The deploy dialog was closed.");
        }
        if (current == null || !fits.test(current)) {
            closeCurrent();
            current = open.get();
        }
        return current;
    }

    /** The open deployer, or null. */
    synchronized T current() {
        return current;
    }

    /** The dialog went: closes now if nothing is in flight, else when the last work ends. */
    synchronized void dispose() {
        disposed = true;
        if (inFlight == 0) {
            closeCurrent();
        }
    }

    private void closeCurrent() {
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (Exception e) {
            // closing releases connections only; nothing is left for a person to do about it
            System.getLogger(DeployerSlot.class.getName()).log(System.Logger.Level.DEBUG, "closing a deployer", e);
        } finally {
            current = null;
        }
    }
}
