package dev.whiskstudio.sim.entity;

/** A request body that does not have the shape of the entity; the API answers 400 "The request content was malformed". */
public class MalformedEntityException extends RuntimeException {
    public MalformedEntityException(String detail) {
        super(detail, null, false, false);
    }
}
