package dev.whiskstudio.app.debug;

/**
 * The Base64 VLQ numbers of a source map's {@code mappings}: each Base64 digit holds 5 bits of the value (lowest
 * first) and a continuation bit (32); the lowest bit of the whole value is its sign.
 */
final class Base64Vlq {
    private static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < DIGITS.length(); i++) {
            VALUES[DIGITS.charAt(i)] = i;
        }
    }

    private Base64Vlq() {
    }

    /** Reads numbers from a text one after the other. */
    static final class Reader {
        private final String text;
        private int at;

        Reader(String text, int from) {
            this.text = text;
            this.at = from;
        }

        int position() {
            return at;
        }

        /** True when the next character starts a number (not a separator, not the end). */
        boolean atNumber() {
            return at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ';';
        }

        int next() {
            long value = 0;
            int shift = 0;
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("the mappings end inside a number");
                }
                char c = text.charAt(at++);
                int digit = c < 128 ? VALUES[c] : -1;
                if (digit < 0) {
                    throw new IllegalArgumentException("'" + c + "' is not a Base64 digit (at " + (at - 1) + ")");
                }
                value |= (long) (digit & 31) << shift;
                if (shift > 32) {
                    throw new IllegalArgumentException("a number too large in the mappings (at " + (at - 1) + ")");
                }
                shift += 5;
                if ((digit & 32) == 0) {
                    break;
                }
            }
            long magnitude = value >>> 1;
            return (int) ((value & 1) == 0 ? magnitude : -magnitude);
        }
    }

    /** Encodes one number (for tests and tools that write maps). */
    static String encode(int number) {
        long value = number < 0 ? ((-(long) number) << 1) | 1 : ((long) number) << 1;
        StringBuilder out = new StringBuilder();
        do {
            int digit = (int) (value & 31);
            value >>>= 5;
            if (value != 0) {
                digit |= 32;
            }
            out.append(DIGITS.charAt(digit));
        } while (value != 0);
        return out.toString();
    }
}
