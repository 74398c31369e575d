package dev.whiskstudio.app.debug.cdp;

/** A listener registration; {@link #close()} takes the listener off (idempotent). */
@FunctionalInterface
public interface CdpSubscription extends AutoCloseable {
    @Override
    void close();
}
