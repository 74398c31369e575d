package dev.whiskstudio.sim.entity;

import java.util.Set;

/** An exec kind the platform does not offer. */
public class UnknownKindException extends RuntimeException {
    private final String kind;
    private final Set<String> valid;

    public UnknownKindException(String kind, Set<String> valid) {
        super(kind, null, false, false);
        this.kind = kind;
        this.valid = valid;
    }

    public String kind() {
        return kind;
    }

    public Set<String> valid() {
        return valid;
    }
}
