package dev.whiskstudio.plugin;

/**
 * An action kind a runtime plugin runs, such as {@code nodejs:20}.
 *
 * @param kind       the exec kind clients send
 * @param family     what {@code FAMILY:default} refers to ({@code nodejs})
 * @param isDefault  whether {@code FAMILY:default} resolves to this kind
 * @param deprecated whether the platform still lists it but refuses new actions of it
 */
public record RuntimeKind(String kind, String family, boolean isDefault, boolean deprecated) {
    public RuntimeKind {
        if (!kind.startsWith(family + ":")) {
            throw new IllegalArgumentException("kind " + kind + " is not of family " + family);
        }
    }
}
