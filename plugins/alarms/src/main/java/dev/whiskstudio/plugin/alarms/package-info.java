/**
 * The {@code /whisk.system/alarms} feeds ({@code alarm}, {@code interval}, {@code once}) as a
 * {@link dev.whiskstudio.plugin.FeedProvider}, faithful to the platform's alarms service (apache/openwhisk-package-alarms).
 * {@link dev.whiskstudio.plugin.alarms.AlarmsFeedProvider} is the plugin and routes lifecycle events;
 * {@link dev.whiskstudio.plugin.alarms.AlarmRequests} checks parameters into an
 * {@link dev.whiskstudio.plugin.alarms.AlarmDoc}, with the messages of {@link dev.whiskstudio.plugin.alarms.AlarmMessages};
 * {@link dev.whiskstudio.plugin.alarms.AlarmSchedule} says when each feed fires and
 * {@link dev.whiskstudio.plugin.alarms.CronPattern} reads the platform's cron dialect;
 * {@link dev.whiskstudio.plugin.alarms.AlarmJob} is one trigger's life. {@code JsValues} and {@code JsDates} read
 * values the way the platform's Node.js code does. All time comes from the simulator's clock and scheduler.
 */
package dev.whiskstudio.plugin.alarms;
