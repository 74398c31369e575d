package dev.whiskstudio.app.debug.ui;

import java.util.Optional;
import java.util.Set;

/**
 * The expression a hover over a line's character means: the identifier under it, with the property chain before it
 * ({@code config.nested.depth} over {@code nested} gives {@code config.nested}). Nothing over a keyword, a number or
 * anything but an identifier, nor after a call or index ({@code f().x}): a hover only reads plain names.
 */
final class HoverExpression {
    private static final Set<String> KEYWORDS = Set.of("break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "export", "extends", "finally", "for", "function", "if",
            "import", "in", "instanceof", "let", "new", "return", "super", "switch", "throw", "try", "typeof", "var",
            "void", "while", "with", "yield", "async", "await", "of", "static", "get", "set", "true", "false", "null",
            "undefined", "NaN", "Infinity");
    private static final int MAX_LENGTH = 200;

    private HoverExpression() {
    }

    /** The expression at {@code column} (from 0) of {@code line}, if the character there is part of a name. */
    static Optional<String> at(String line, int column) {
        if (column < 0 || column >= line.length() || !isNamePart(line.charAt(column))) {
            return Optional.empty();
        }
        int start = column;
        while (start > 0 && isNamePart(line.charAt(start - 1))) {
            start--;
        }
        int end = column;
        while (end < line.length() && isNamePart(line.charAt(end))) {
            end++;
        }
        String word = line.substring(start, end);
        if (Character.isDigit(word.charAt(0)) || (KEYWORDS.contains(word) && !isMember(line, start))) {
            return Optional.empty();
        }
        // walk left over ".name" and "?.name" links
        int chainStart = start;
        while (true) {
            int dot = chainStart - 1;
            if (dot < 0 || line.charAt(dot) != '.' || (dot >= 2 && line.startsWith("...", dot - 2))) {
                // no link, or a spread ("...args"), which is the name itself
                break;
            }
            int nameEnd = dot;
            if (nameEnd > 0 && line.charAt(nameEnd - 1) == '?') {
                nameEnd--;
            }
            int nameStart = nameEnd;
            while (nameStart > 0 && isNamePart(line.charAt(nameStart - 1))) {
                nameStart--;
            }
            if (nameStart == nameEnd || Character.isDigit(line.charAt(nameStart))) {
                // a call, an index, a literal before the dot: not a plain chain
                return Optional.empty();
            }
            chainStart = nameStart;
        }
        String expression = line.substring(chainStart, end);
        String first = expression.split("[.?]", 2)[0];
        if (KEYWORDS.contains(first) || expression.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(expression);
    }

    private static boolean isMember(String line, int start) {
        return start > 0 && line.charAt(start - 1) == '.';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
