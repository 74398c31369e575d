package dev.whiskstudio.app.editor.highlight;

import java.util.Set;

/**
 * JSON, the subset of JavaScript the invoke panel's parameters are written in: strings (an object key coloured as a
 * property), numbers, {@code true}/{@code false}/{@code null}, brackets and punctuation. Anything else, comments
 * included, is marked as an error. No JSON token spans lines, so the state is always the start state.
 */
public final class JsonLexer implements LineLexer {
    private static final Set<String> LITERALS = Set.of("true", "false", "null");

    @Override
    public LexState initialState() {
        return LexState.START;
    }

    @Override
    public LexState lexLine(String s, LexState start, TokenSink sink) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int from = i++;
                while (i < n && s.charAt(i) != '"') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(i + 1, n);
                sink.token(from, i, isKey(s, i) ? TokenKind.PROPERTY : TokenKind.STRING);
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int from = i++;
                while (i < n && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                sink.token(from, i, TokenKind.NUMBER);
            } else if ("{}[]".indexOf(c) >= 0) {
                sink.token(i, i + 1, TokenKind.BRACKET);
                i++;
            } else if (c == ':' || c == ',') {
                sink.token(i, i + 1, TokenKind.PUNCTUATION);
                i++;
            } else if (Character.isLetter(c)) {
                int from = i;
                while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                    i++;
                }
                sink.token(from, i, LITERALS.contains(s.substring(from, i)) ? TokenKind.LITERAL : TokenKind.ERROR);
            } else {
                sink.token(i, i + 1, TokenKind.ERROR);
                i++;
            }
        }
        return LexState.START;
    }

    /** A string followed by a colon is an object key. */
    private static boolean isKey(String s, int after) {
        for (int j = after; j < s.length(); j++) {
            char c = s.charAt(j);
            if (!Character.isWhitespace(c)) {
                return c == ':';
            }
        }
        return false;
    }
}
