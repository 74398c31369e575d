package dev.whiskstudio.app.activations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an activation's logs as the platform stores it ({@code 2026-01-02T03:04:05.678Z stdout: text}),
 * split into its time, its stream and its text. A line of another shape (a sequence's component ids, a trigger's
 * rule results) keeps its whole text with no time and stream.
 *
 * @param time   the line's timestamp, or null
 * @param stream stdout, stderr, or other
 * @param text   what the action wrote
 * @param raw    the line as stored
 * @param lower  the line as stored, lower-cased, for the search
 */
public record LogLine(Instant time, Stream stream, String text, String raw, String lower) {
    private static final Pattern SHAPE = Pattern.compile("^(\\S+)\\s+(stdout|stderr):\\s?(.*)$", Pattern.DOTALL);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    public enum Stream {
        STDOUT, STDERR, OTHER;

        public String styleClass() {
            return "log-" + name().toLowerCase(Locale.ROOT);
        }
    }

    public static LogLine parse(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(raw);
        if (m.matches()) {
            try {
                Instant time = Instant.parse(m.group(1));
                return new LogLine(time, "stderr".equals(m.group(2)) ? Stream.STDERR : Stream.STDOUT, m.group(3), raw,
                        lower);
            } catch (DateTimeParseException notATime) {
                // a line that only looks like one
            }
        }
        return new LogLine(null, Stream.OTHER, raw, raw, lower);
    }

    /** Every line of a record's logs; long logs take a while, so views call this off the FX thread. */
    public static List<LogLine> parseAll(List<String> raw) {
        List<LogLine> lines = new ArrayList<>(raw.size());
        raw.forEach(r -> lines.add(parse(r)));
        return lines;
    }

    /** The time of day in the local zone, or empty. */
    public String localTime(ZoneId zone) {
        return time == null ? "" : TIME.format(time.atZone(zone));
    }

    /** Whether the line's text (or its whole raw form) holds {@code lowerCaseNeedle}. */
    public boolean contains(String lowerCaseNeedle) {
        return !lowerCaseNeedle.isEmpty() && lower.contains(lowerCaseNeedle);
    }
}
