package dev.whiskstudio.icons;

import java.util.Map;

/**
 * Checks SVG path data against the grammar of SVG 1.1 (commands, argument counts, numbers, arc flags). A toolkit
 * that meets a malformed path usually draws nothing and says nothing, so the set refuses such a file up front.
 */
final class PathData {
    private static final Map<Character, Integer> ARGUMENTS = Map.of(
            'M', 2, 'L', 2, 'H', 1, 'V', 1, 'C', 6, 'S', 4, 'Q', 4, 'T', 2, 'A', 7, 'Z', 0);

    private final String text;
    private int pos;

    private PathData(String text) {
        this.text = text;
    }

    /** Throws {@link IllegalArgumentException} naming the first offending position. */
    static void requireWellFormed(String d) {
        new PathData(d).check();
    }

    private void check() {
        skipSeparators();
        if (pos == text.length()) {
            throw problem("path data is empty");
        }
        if (Character.toUpperCase(text.charAt(pos)) != 'M') {
            throw problem("path data must start with a moveto (M or m)");
        }
        while (pos < text.length()) {
            char command = text.charAt(pos);
            Integer count = ARGUMENTS.get(Character.toUpperCase(command));
            if (count == null) {
                throw problem("'" + command + "' is not a path command");
            }
            pos++;
            skipSeparators();
            if (count > 0) {
                boolean arc = Character.toUpperCase(command) == 'A';
                do {
                    for (int i = 0; i < count; i++) {
                        if (arc && (i == 3 || i == 4)) {
                            readFlag();
                        } else {
                            readNumber();
                        }
                        skipSeparators();
                    }
                } while (pos < text.length() && startsNumber(text.charAt(pos)));
            }
        }
    }

    private void readFlag() {
        if (pos >= text.length() || (text.charAt(pos) != '0' && text.charAt(pos) != '1')) {
            throw problem("an arc flag must be 0 or 1");
        }
        pos++;
    }

    private void readNumber() {
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            pos++;
        }
        int digits = skipDigits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits += skipDigits();
        }
        if (digits == 0) {
            pos = start;
            throw problem("a number was expected");
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (skipDigits() == 0) {
                throw problem("an exponent needs digits");
            }
        }
    }

    private int skipDigits() {
        int n = 0;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
            n++;
        }
        return n;
    }

    private void skipSeparators() {
        boolean comma = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' && !comma) {
                comma = true;
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static boolean startsNumber(char c) {
        return Character.isDigit(c) || c == '.' || c == '-' || c == '+';
    }

    private IllegalArgumentException problem(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }
}
