package dev.whiskstudio.sim.entity;

/** A limit outside the profile's range; the API answers 400 with this message. */
public class LimitOutOfRangeException extends RuntimeException {
    public LimitOutOfRangeException(String message) {
        super(message, null, false, false);
    }
}
