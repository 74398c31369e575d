package dev.whiskstudio.app.explorer;

import java.util.Optional;
import java.util.regex.Pattern;

/** The platform's rule for an entity name, checked before a request so a dialog can say what is wrong. */
public final class EntityNames {
    public static final int MAX_LENGTH = 256;
    /** A letter, digit or {@code _}; then letters, digits, {@code _ @ . -} and spaces; no trailing space. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_@.\\- ]*");

    private EntityNames() {
    }

    /** What is wrong with a name, or empty when the platform takes it. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("Enter a name.");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("A name has at most " + MAX_LENGTH + " characters (this one has " + name.length() + ").");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("A name starts with a letter, a digit or _, and holds only letters, digits, "
                    + "spaces and _ @ . -");
        }
        if (name.endsWith(" ")) {
            return Optional.of("A name does not end with a space.");
        }
        return Optional.empty();
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }
}
