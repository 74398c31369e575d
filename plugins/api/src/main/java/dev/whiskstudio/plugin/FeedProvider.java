package dev.whiskstudio.plugin;

import java.util.Map;
import java.util.Set;

/**
 * A plugin that provides feeds, such as {@code /whisk.system/alarms/alarm}. On the platform a feed is an action the
 * CLI calls with a {@code lifecycleEvent} when a trigger is created on it, read, changed or deleted; the simulator
 * routes those calls here, and the feed then fires the trigger through its {@link FeedContext}.
 */
public interface FeedProvider {

    /** The package that holds the feeds, fully qualified, e.g. {@code /whisk.system/alarms}. */
    String packageName();

    /** The feed names in it, e.g. {@code alarm}, {@code interval}, {@code once}. */
    Set<String> feeds();

    /**
     * CREATE: a trigger ({@code /ns/name}) was created on a feed with these parameters.
     *
     * @throws IllegalArgumentException with a message for the user when the parameters are not valid
     */
    void create(String feed, String triggerName, Map<String, Object> parameters, FeedContext context);

    /**
     * UPDATE: new parameters for an existing trigger.
     *
     * @throws IllegalArgumentException when they are not valid, or the trigger is not known
     */
    void update(String feed, String triggerName, Map<String, Object> parameters);

    /** READ: the trigger's configuration and status, or an empty map when this feed does not know it. */
    Map<String, Object> read(String feed, String triggerName);

    /** DELETE, PAUSE or UNPAUSE. */
    void change(String feed, String triggerName, FeedLifecycle event);
}
