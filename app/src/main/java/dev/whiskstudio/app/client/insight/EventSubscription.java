package dev.whiskstudio.app.client.insight;

/** A live subscription to the simulator's events; closing it ends the stream and its thread. */
public interface EventSubscription extends AutoCloseable {

    /** Whether events may still come (not closed by the caller, not ended by the simulator or a failure). */
    boolean isOpen();

    /** Ends the subscription; the listener hears nothing more. Safe to call more than once. */
    @Override
    void close();
}
