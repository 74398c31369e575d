package dev.whiskstudio.plugin;

/** The lifecycle events the platform sends a feed besides CREATE. */
public enum FeedLifecycle {
    DELETE, PAUSE, UNPAUSE
}
