package dev.whiskstudio.app.debug;

import java.time.Instant;
import java.util.List;

/**
 * A message of the program's console ({@code console.log} and friends, logpoints) or an exception nobody caught.
 *
 * @param text     the message as Node.js would print it (format specifiers applied, objects summarized)
 * @param args     the values logged, expandable while the program is paused
 * @param location where it was logged, when that is in the user's code, else null
 */
public record ConsoleMessage(Instant time, Level level, Source source, String text, List<RemoteValue> args,
                             UserLocation location) {
    public ConsoleMessage {
        args = List.copyOf(args);
    }

    public enum Level {
        DEBUG, LOG, INFO, WARNING, ERROR
    }

    public enum Source {
        CONSOLE, EXCEPTION
    }
}
