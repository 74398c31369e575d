package dev.whiskstudio.sim.store;

/** The store could not read or write its file. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
