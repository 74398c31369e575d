package dev.whiskstudio.sim.entity;

/** The kinds of entity a namespace holds; they share one name space per package, as on the platform. */
public enum Collection {
    ACTIONS("actions"), PACKAGES("packages"), TRIGGERS("triggers"), RULES("rules");

    private final String path;

    Collection(String path) {
        this.path = path;
    }

    /** The URL segment and the word the platform's messages use. */
    public String path() {
        return path;
    }

    public static Collection fromPath(String segment) {
        for (Collection c : values()) {
            if (c.path.equals(segment)) {
                return c;
            }
        }
        return null;
    }
}
