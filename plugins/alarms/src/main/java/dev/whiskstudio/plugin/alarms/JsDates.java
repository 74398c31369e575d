package dev.whiskstudio.plugin.alarms;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code new Date(value)} as the platform's feed (Node.js, in a container whose local zone is UTC) reads the date
 * parameters: a number is milliseconds since 1970; a string is ISO 8601 in the forms V8 accepts (date only, a time
 * with or without seconds and fraction, {@code T} or a space between, {@code Z} or an offset, or none for local time)
 * or the {@code Thu, 31 Jan 2019 23:59:00 GMT} form. V8's fallback parser accepts a few more loose forms; those are
 * not valid here.
 */
final class JsDates {

    /** The largest time value a JavaScript Date holds, in milliseconds either side of 1970. */
    private static final double MAX_TIME = 8.64e15;

    private static final Pattern ISO = Pattern.compile(
            "([+-][0-9]{6}|[0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?"
                    + "(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]+))?)?)?"
                    + "([Zz]|[+-][0-9]{2}:?[0-9]{2})?");

    private JsDates() {
    }

    /** The instant, or null where JavaScript would make an Invalid Date. */
    static Instant parse(Object value) {
        if (value == null || value instanceof Map) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return fromMillis(JsValues.number(value));
        }
        if (value instanceof String s) {
            Instant iso = parseIso(s);
            return iso != null ? iso : parseHttpDate(s);
        }
        return null;
    }

    private static Instant fromMillis(double millis) {
        if (Double.isNaN(millis) || Math.abs(millis) > MAX_TIME) {
            return null;
        }
        return Instant.ofEpochMilli((long) millis);
    }

    private static Instant parseIso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1).replace("+", ""));
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int millis = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00").substring(0, 3));
        if ("-000000".equals(m.group(1)) || month < 1 || month > 12 || day < 1 || day > 31
                || minute > 59 || second > 59 || hour > 24
                || (hour == 24 && (minute != 0 || second != 0 || millis != 0))) {
            return null;
        }
        long offsetSeconds = offsetSeconds(m.group(8));
        if (offsetSeconds == Long.MIN_VALUE) {
            return null;
        }
        try {
            // V8 rolls a day past the month's end into the next month (30 February is 2 March)
            long epochDay = LocalDate.of(year, month, 1).toEpochDay() + day - 1;
            long seconds = epochDay * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
            return fromMillis(seconds * 1000.0 + millis);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Seconds east of UTC; none written means the container's zone, UTC. Long.MIN_VALUE when not an offset. */
    private static long offsetSeconds(String offset) {
        if (offset == null || offset.equalsIgnoreCase("z")) {
            return 0;
        }
        String digits = offset.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = Integer.parseInt(digits.substring(2));
        if (hours > 23 || minutes > 59) {
            return Long.MIN_VALUE;
        }
        long total = hours * 3_600L + minutes * 60L;
        return offset.charAt(0) == '-' ? -total : total;
    }

    private static Instant parseHttpDate(String s) {
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
