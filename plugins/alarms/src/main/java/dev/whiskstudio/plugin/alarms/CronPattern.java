package dev.whiskstudio.plugin.alarms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cron pattern in the dialect of the platform's alarms service, which schedules with the {@code cron} npm package
 * (version 1.8.2). That dialect differs from Vixie cron in ways a user will meet:
 * <ul>
 *   <li>five fields ({@code minute hour day-of-month month day-of-week}, seconds are 0) or six (seconds first);</li>
 *   <li>months are numbered 0-11 ({@code 0} is January) and days of the week 0-6 ({@code 0} is Sunday; 7 is out of
 *       range); three-letter English names ({@code jan}, {@code mon}, any case) stand for those numbers;</li>
 *   <li>{@code a/s} means {@code a} to the top of the range in steps of {@code s};</li>
 *   <li>when both day fields are restricted a day matches either of them; a field counts as unrestricted when it
 *       holds every value of its range, however it was written;</li>
 *   <li>when no chosen day of the month exists in any chosen month, the days beyond the last month's length are
 *       wrapped ({@code 31} in April becomes the 1st).</li>
 * </ul>
 * Times are wall-clock times in a zone: a time skipped by a daylight-saving gap does not match that day, and a time
 * that happens twice when the clocks go back matches twice.
 */
final class CronPattern {

    private static final String[] UNITS = {"second", "minute", "hour", "dayOfMonth", "month", "dayOfWeek"};
    private static final int[][] RANGES = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {0, 11}, {0, 6}};
    private static final String[] DEFAULTS = {"0", "*", "*", "*", "*", "*"};
    /** Days per month (0-based), February as in a leap year. */
    private static final int[] MONTH_DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final String[] ALIASES = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "sun", "mon", "tue", "wed", "thu", "fri", "sat"};

    /** JavaScript's {@code \s}: what the platform splits fields on. */
    static final String JS_SPACE =
            "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";
    private static final Pattern LETTERS = Pattern.compile("[a-z]{1,3}", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD_SEPARATOR = Pattern.compile(JS_SPACE + "+");
    private static final Pattern EDGE_SPACE = Pattern.compile("^" + JS_SPACE + "+|" + JS_SPACE + "+$");
    private static final Pattern RANGE = Pattern.compile("([0-9]+)(?:-([0-9]+))?(?:/([0-9]+))?");

    /** More steps than any pattern needs to find its next time (a 29 February that is a given weekday included). */
    private static final int SEARCH_STEPS = 200_000;

    private final String source;
    private final int fieldCount;
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;

    private CronPattern(String source, int fieldCount, BitSet[] sets) {
        this.source = source;
        this.fieldCount = fieldCount;
        this.seconds = sets[0];
        this.minutes = sets[1];
        this.hours = sets[2];
        this.daysOfMonth = sets[3];
        this.months = sets[4];
        this.daysOfWeek = sets[5];
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException saying what is wrong, in the cron package's words
     */
    static CronPattern parse(String source) {
        String numeric = replaceAliases(source);
        String trimmed = EDGE_SPACE.matcher(numeric).replaceAll("");
        String[] fields = FIELD_SEPARATOR.split(trimmed, -1);
        if (fields.length < UNITS.length - 1) {
            throw new IllegalArgumentException("Too few fields");
        }
        if (fields.length > UNITS.length) {
            throw new IllegalArgumentException("Too many fields");
        }
        BitSet[] sets = new BitSet[UNITS.length];
        int missing = UNITS.length - fields.length;
        for (int i = 0; i < UNITS.length; i++) {
            String field = i < missing ? DEFAULTS[i] : fields[i - missing];
            sets[i] = parseField(field, RANGES[i][0], RANGES[i][1]);
        }
        wrapImpossibleDays(sets[3], sets[4]);
        return new CronPattern(source, fields.length, sets);
    }

    /** The pattern as the user wrote it. */
    String source() {
        return source;
    }

    /** Five or six. */
    int fieldCount() {
        return fieldCount;
    }

    /**
     * The first time after {@code after} (strictly, to the whole second) that matches in {@code zone}, or null when
     * there is none within the search's reach.
     */
    Instant nextAfter(Instant after, ZoneId zone) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(zone);
        for (int step = 0; step < SEARCH_STEPS; step++) {
            if (!months.get(t.getMonthValue() - 1)) {
                t = forward(t, startOf(t.toLocalDate().withDayOfMonth(1).plusMonths(1), zone));
            } else if (!dayMatches(t)) {
                t = forward(t, startOf(t.toLocalDate().plusDays(1), zone));
            } else if (!hours.get(t.getHour())) {
                t = forward(t, t.truncatedTo(ChronoUnit.HOURS).plusHours(1));
            } else if (!minutes.get(t.getMinute())) {
                t = forward(t, t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1));
            } else if (!seconds.get(t.getSecond())) {
                t = t.plusSeconds(1);
            } else {
                return t.toInstant();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return source;
    }

    /*
     * Either day field can admit a day: a restricted field that matches admits it even when the other restricted
     * field does not. An unrestricted field admits nothing on its own, it only does not object.
     */
    private boolean dayMatches(ZonedDateTime t) {
        boolean domRestricted = daysOfMonth.cardinality() != 31;
        boolean dowRestricted = daysOfWeek.cardinality() != 7;
        boolean domMatches = daysOfMonth.get(t.getDayOfMonth());
        boolean dowMatches = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (!domMatches && domRestricted && !(dowMatches && dowRestricted)) {
            return false;
        }
        return !(!dowMatches && dowRestricted && !(domMatches && domRestricted));
    }

    private static ZonedDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone);
    }

    /** The candidate when it moves time on; otherwise (an odd overlap at midnight) its later offset, or one second. */
    private static ZonedDateTime forward(ZonedDateTime from, ZonedDateTime candidate) {
        if (candidate.isAfter(from)) {
            return candidate;
        }
        ZonedDateTime later = candidate.withLaterOffsetAtOverlap();
        return later.isAfter(from) ? later : from.plusSeconds(1);
    }

    private static String replaceAliases(String source) {
        Matcher m = LETTERS.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String alias = m.group().toLowerCase(java.util.Locale.ROOT);
            int value = aliasValue(alias);
            if (value < 0) {
                throw new IllegalArgumentException("Unknown alias: " + alias);
            }
            m.appendReplacement(out, Integer.toString(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int aliasValue(String alias) {
        for (int i = 0; i < ALIASES.length; i++) {
            if (ALIASES[i].equals(alias)) {
                return i < 12 ? i : i - 12;
            }
        }
        return -1;
    }

    private static BitSet parseField(String field, int low, int high) {
        for (String part : field.split(",", -1)) {
            if (part.indexOf('*') > 0) {
                throw new IllegalArgumentException("Field (" + part + ") has an invalid wildcard expression");
            }
        }
        String expanded = field.replace("*", low + "-" + high);
        BitSet values = new BitSet(high + 1);
        for (String range : expanded.split(",", -1)) {
            Matcher m = RANGE.matcher(range);
            if (!m.matches()) {
                throw new IllegalArgumentException("Field (" + expanded + ") cannot be parsed");
            }
            addRange(values, expanded, m, low, high);
        }
        return values;
    }

    private static void addRange(BitSet values, String field, Matcher m, int low, int high) {
        long lower = number(m.group(1));
        // "0" as an upper bound counts as no upper bound, as in the cron package
        long upper = m.group(2) == null ? 0 : number(m.group(2));
        boolean hasUpper = upper != 0;
        boolean hasStep = m.group(3) != null;
        if ("0".equals(m.group(3))) {
            throw new IllegalArgumentException("Field (" + field + ") has a step of zero");
        }
        long step = hasStep && number(m.group(3)) != 0 ? number(m.group(3)) : 1;
        if (hasUpper && lower > upper) {
            throw new IllegalArgumentException("Field (" + field + ") has an invalid range");
        }
        if (lower < low || (hasUpper && upper > high) || (!hasUpper && lower > high)) {
            throw new IllegalArgumentException("Field (" + field + ") value is out of range");
        }
        long last = hasUpper ? upper : hasStep ? high : lower;
        for (long v = lower; v <= last; v += step) {
            values.set((int) v);
        }
    }

    private static long number(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > 12 ? Long.MAX_VALUE / 2 : Long.parseLong(significant);
    }

    /*
     * The cron package's guard against a pattern that could never run: when none of the chosen days exists in any
     * chosen month, the days too large for the last chosen month are taken modulo its length.
     */
    private static void wrapImpossibleDays(BitSet days, BitSet monthSet) {
        boolean possible = false;
        int lastImpossibleMonth = -1;
        for (int m = monthSet.nextSetBit(0); m >= 0; m = monthSet.nextSetBit(m + 1)) {
            if (days.nextSetBit(0) <= MONTH_DAYS[m]) {
                possible = true;
            }
            if (!possible) {
                lastImpossibleMonth = m;
            }
        }
        if (possible) {
            return;
        }
        int length = MONTH_DAYS[lastImpossibleMonth];
        BitSet original = (BitSet) days.clone();
        for (int d = original.nextSetBit(0); d >= 0; d = original.nextSetBit(d + 1)) {
            if (d > length) {
                days.clear(d);
                days.set(d % length);
            }
        }
    }
}
