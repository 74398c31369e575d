package dev.whiskstudio.sim.entity;

import java.util.regex.Pattern;

/** The platform's rule for entity and namespace names. */
public final class EntityName {
    public static final int MAX_LENGTH = 256;
    /** A word character, then up to 254 of word, {@code @ . & -} and space, ending in a non-space. */
    private static final Pattern NAME = Pattern.compile("\\A([\\w]|[\\w][\\w@ .&-]{0," + (MAX_LENGTH - 2) + "}[\\w@.&-])\\z");

    private EntityName() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
