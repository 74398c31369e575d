package dev.whiskstudio.plugin.alarms;

import java.time.Instant;

/** A date parameter: the value as the user gave it (READ and messages show it so) and the instant it means. */
record AlarmDate(Object given, Instant at) {
}
