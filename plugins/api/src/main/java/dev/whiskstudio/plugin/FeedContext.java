package dev.whiskstudio.plugin;

import java.time.Clock;
import java.util.Map;

/** What a feed may use: fire its trigger, and the clock (which tests can drive). */
public interface FeedContext {

    /** Fires the trigger with a payload, as {@code POST /triggers/NAME} would. */
    void fire(String triggerName, Map<String, Object> payload);

    Clock clock();
}
