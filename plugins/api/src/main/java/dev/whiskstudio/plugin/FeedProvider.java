package dev.whiskstudio.plugin;

import java.util.Map;

/**
 * A plugin that provides a feed, such as {@code /whisk.system/alarms/alarm}: the platform calls a feed action with
 * a lifecycle event when a trigger is created on it or deleted, and the feed then fires the trigger.
 */
public interface FeedProvider {

    /** The fully qualified feed action names this provider serves, e.g. {@code /whisk.system/alarms/interval}. */
    java.util.Set<String> feeds();

    /**
     * A trigger was created on a feed ({@code lifecycleEvent} CREATE) with these parameters.
     *
     * @throws IllegalArgumentException with a message for the user when the parameters are not valid
     */
    void create(String feed, String triggerName, Map<String, Object> parameters, FeedContext context);

    /** The trigger was deleted (DELETE), paused (PAUSE) or resumed (UNPAUSE). */
    void change(String feed, String triggerName, FeedLifecycle event);
}
