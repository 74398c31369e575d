package dev.whiskstudio.app.debug;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.whiskstudio.app.debug.cdp.CdpJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a breakpoint's condition and log message into the engine's breakpoint condition. A logpoint is a
 * conditional breakpoint whose condition logs with {@code console.log} and answers false, so the program never stops
 * there: {@code "x is {x}, y.z is {y.z}"} becomes {@code (console.log("x is %s, y.z is %s", (x), (y.z)), false)}.
 * A doubled brace writes one brace.
 */
final class Logpoints {
    private Logpoints() {
    }

    /** The condition to give the engine for {@code bp}, or null for an unconditional breakpoint. */
    static String condition(Breakpoint bp) {
        if (!bp.isLogpoint()) {
            return bp.condition();
        }
        String log = "(console.log(" + String.join(", ", logArguments(bp.logMessage())) + "), false)";
        return bp.condition() == null ? log : "((" + bp.condition() + ") ? " + log + " : false)";
    }

    /** A format string literal and the expressions it takes, in order. */
    static List<String> logArguments(String message) {
        StringBuilder format = new StringBuilder();
        List<String> expressions = new ArrayList<>();
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            if (c == '{' && i + 1 < message.length() && message.charAt(i + 1) == '{') {
                format.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < message.length() && message.charAt(i + 1) == '}') {
                format.append('}');
                i += 2;
            } else if (c == '{') {
                int end = closingBrace(message, i);
                if (end < 0) {
                    format.append(message.substring(i).replace("%", "%%"));
                    break;
                }
                String expression = message.substring(i + 1, end).trim();
                if (expression.isEmpty()) {
                    format.append("{}");
                } else {
                    format.append("%s");
                    expressions.add("(" + expression + ")");
                }
                i = end + 1;
            } else {
                format.append(c == '%' ? "%%" : String.valueOf(c));
                i++;
            }
        }
        List<String> args = new ArrayList<>();
        args.add(jsString(format.toString()));
        args.addAll(expressions);
        return args;
    }

    /** The brace closing the one at {@code open}, counting nested braces (an object literal in the expression). */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A JSON string is a JavaScript string literal. */
    private static String jsString(String text) {
        try {
            return CdpJson.mapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
