package dev.whiskstudio.plugin.alarms;

/**
 * A parameter that was given, possibly as null. The platform keeps such values as they came and READ shows them
 * (null included); one that was never given is left out of READ, which a null reference to this record says.
 */
record Given(Object value) {
}
