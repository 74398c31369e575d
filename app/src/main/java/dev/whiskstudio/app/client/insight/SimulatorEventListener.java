package dev.whiskstudio.app.client.insight;

import dev.whiskstudio.app.client.debug.DebugEvent;

import java.io.IOException;

/**
 * Hears the simulator's live events. Called on the subscription's own thread, one call at a time and in order:
 * hand the work to the UI thread ({@code Platform.runLater}) and return at once. Should a method throw, the
 * subscription ends and {@link #onError} is told why.
 * <p>
 * A subscription ends with exactly one of {@link #onClosed} or {@link #onError}, unless the caller closed it.
 * Reconnecting is the caller's choice: subscribe again (and read what was missed from the activation list).
 */
public interface SimulatorEventListener {

    /** The stream is open; the first event to come is the pool as it is now. */
    default void onOpen() {
    }

    /** An activation got its container and began. */
    default void onActivationStarted(ActivationEvent event) {
    }

    /** An activation ended and its record is stored. */
    default void onActivationRecorded(ActivationEvent event) {
    }

    /**
     * An activation ended and no record of it is stored (the Adobe profile keeps none of a successful blocking call):
     * only its id is known.
     */
    default void onActivationEnded(String activationId) {
    }

    /** The pool changed (at most one snapshot per 100 ms). */
    default void onPool(PoolView pool) {
    }

    /** A debug session started, was paused or resumed by its debugger, or ended (and why). */
    default void onDebug(DebugEvent event) {
    }

    /** The simulator ended the stream (it is stopping, or it dropped this client for falling behind). */
    default void onClosed() {
    }

    /**
     * The stream failed or could not be opened: the connection broke, or the simulator refused it
     * ({@link dev.whiskstudio.app.client.OpenWhiskException} with the status, 404 from a target that is no simulator).
     */
    default void onError(IOException error) {
    }
}
