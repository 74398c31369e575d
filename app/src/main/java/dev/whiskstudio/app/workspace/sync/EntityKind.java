package dev.whiskstudio.app.workspace.sync;

import dev.whiskstudio.app.client.EntityCollection;

/** What a sync step creates or updates. */
public enum EntityKind {
    PACKAGE("package", EntityCollection.PACKAGES),
    ACTION("action", EntityCollection.ACTIONS),
    SEQUENCE("sequence", EntityCollection.ACTIONS),
    TRIGGER("trigger", EntityCollection.TRIGGERS),
    /** Connecting a trigger to its feed: an invocation of the feed action, not a PUT. */
    FEED("feed", null),
    RULE("rule", EntityCollection.RULES);

    private final String word;
    private final EntityCollection collection;

    EntityKind(String word, EntityCollection collection) {
        this.word = word;
        this.collection = collection;
    }

    /** The lower-case word a person reads ("action"), also the prefix of a step's id. */
    public String word() {
        return word;
    }

    /** Where its PUT goes; null for {@link #FEED}. */
    public EntityCollection collection() {
        return collection;
    }
}
