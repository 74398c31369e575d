package dev.whiskstudio.plugin.alarms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JavaScript conversions the platform's feed applies to parameter values (it is a Node.js action), for values as
 * they arrive from JSON: null, Boolean, Number, String, Map, List. Its checks are written with them ({@code if
 * (!params.minutes)}, {@code +x !== parseInt(x)}, {@code `'${date}'`}), so its answers depend on them.
 */
final class JsValues {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern OCTAL = Pattern.compile("0[oO][0-7]+");
    private static final Pattern BINARY = Pattern.compile("0[bB][01]+");
    private static final Pattern EDGE_SPACE =
            Pattern.compile("^" + CronPattern.JS_SPACE + "+|" + CronPattern.JS_SPACE + "+$");

    private JsValues() {
    }

    /** {@code !!value}. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    /** {@code String(value)}, as a template literal writes it. */
    static String string(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return numberString(n);
        }
        if (value instanceof Map) {
            return "[object Object]";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v == null ? "" : string(v)).collect(Collectors.joining(","));
        }
        return value.toString();
    }

    /** {@code Number(value)} (unary plus). */
    static double number(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            return stringToNumber(s);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? 0 : list.size() == 1 ? number(string(list)) : Double.NaN;
        }
        return Double.NaN;
    }

    /** {@code parseInt(value)}: the integer at the start of {@code String(value)}, NaN when there is none. */
    static double parseInt(Object value) {
        String s = stripSpace(string(value));
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        }
        int start = i;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0 && s.charAt(i) < 128) {
            i++;
        }
        if (i == start) {
            return Double.NaN;
        }
        double result = new java.math.BigInteger(s.substring(start, i), radix).doubleValue();
        return negative ? -result : result;
    }

    private static double stringToNumber(String raw) {
        String s = stripSpace(raw);
        if (s.isEmpty()) {
            return 0;
        }
        switch (s) {
            case "Infinity", "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (HEX.matcher(s).matches()) {
            return new java.math.BigInteger(s.substring(2), 16).doubleValue();
        }
        if (OCTAL.matcher(s).matches()) {
            return new java.math.BigInteger(s.substring(2), 8).doubleValue();
        }
        if (BINARY.matcher(s).matches()) {
            return new java.math.BigInteger(s.substring(2), 2).doubleValue();
        }
        return DECIMAL.matcher(s).matches() ? Double.parseDouble(s) : Double.NaN;
    }

    private static String stripSpace(String s) {
        return EDGE_SPACE.matcher(s).replaceAll("");
    }

    /** How JavaScript prints a number: no {@code .0} on integers, exponents past 1e21 and below 1e-6. */
    static String numberString(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        double abs = Math.abs(d);
        if (abs >= 1e21 || abs < 1e-6) {
            String java = Double.toString(d).replace(".0E", "E").replace('E', 'e');
            return java.contains("e-") ? java : java.replace("e", "e+");
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
