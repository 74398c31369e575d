package dev.whiskstudio.app.editor.highlight;

import dev.whiskstudio.app.editor.highlight.LexState.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A JavaScript lexer good enough to colour code as it is typed: keywords, literals, numbers, strings (continued with
 * a backslash), template literals with nested substitutions, line and block comments, regular expression literals
 * (told from division by the token before them, a best effort as in every editor), brackets and punctuation.
 */
public final class JavaScriptLexer implements LineLexer {
    private static final Set<String> KEYWORDS = Set.of(
            "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
            "delete", "do", "else", "export", "extends", "finally", "for", "from", "function", "get", "if",
            "import", "in", "instanceof", "let", "new", "of", "return", "set", "static", "super", "switch", "this",
            "throw", "try", "typeof", "var", "void", "while", "with", "yield");
    private static final Set<String> LITERALS = Set.of("true", "false", "null", "undefined", "NaN", "Infinity");
    /** After these a {@code /} starts a regular expression; after any other word it divides. */
    private static final Set<String> EXPRESSION_KEYWORDS = Set.of(
            "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
            "yield", "await");

    @Override
    public LexState initialState() {
        return LexState.START;
    }

    @Override
    public LexState lexLine(String line, LexState start, TokenSink sink) {
        return new Run(line, start, sink).lex();
    }

    /** The lexing of one line: a cursor and the state being carried. */
    private static final class Run {
        private final String s;
        private final int n;
        private final TokenSink sink;
        private final List<Integer> braces;
        private Mode mode;
        private boolean regexAllowed;
        private int i;

        Run(String line, LexState start, TokenSink sink) {
            this.s = line;
            this.n = line.length();
            this.sink = sink;
            this.mode = start.mode();
            this.regexAllowed = start.regexAllowed();
            this.braces = new ArrayList<>(start.substitutionBraces());
        }

        LexState lex() {
            while (i < n) {
                switch (mode) {
                    case BLOCK_COMMENT -> blockComment(i);
                    case SINGLE_QUOTED -> string(i, '\'');
                    case DOUBLE_QUOTED -> string(i, '"');
                    case TEMPLATE -> templateText(i);
                    case CODE -> code();
                }
            }
            if (mode == Mode.SINGLE_QUOTED || mode == Mode.DOUBLE_QUOTED) {
                // only a backslash at the end of the line keeps a string open; string() has decided that already
                return LexState.of(mode, false, braces);
            }
            return LexState.of(mode, regexAllowed, braces);
        }

        private void code() {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && peek(1) == '/') {
                sink.token(i, n, TokenKind.COMMENT);
                i = n;
            } else if (c == '/' && peek(1) == '*') {
                mode = Mode.BLOCK_COMMENT;
                blockComment(i + 2, i);
            } else if (c == '/' && regexAllowed && regex()) {
                regexAllowed = false;
            } else if (c == '\'' || c == '"') {
                int from = i;
                i++;
                mode = c == '\'' ? Mode.SINGLE_QUOTED : Mode.DOUBLE_QUOTED;
                string(from, c);
            } else if (c == '`') {
                sink.token(i, i + 1, TokenKind.TEMPLATE);
                i++;
                mode = Mode.TEMPLATE;
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number();
            } else if (Character.isJavaIdentifierStart(c) || c == '#') {
                word();
            } else if (c == '{') {
                if (!braces.isEmpty()) {
                    braces.set(braces.size() - 1, braces.get(braces.size() - 1) + 1);
                }
                bracket(true);
            } else if (c == '}') {
                if (!braces.isEmpty() && braces.get(braces.size() - 1) == 0) {
                    braces.remove(braces.size() - 1);
                    sink.token(i, i + 1, TokenKind.TEMPLATE);
                    i++;
                    mode = Mode.TEMPLATE;
                    return;
                }
                if (!braces.isEmpty()) {
                    braces.set(braces.size() - 1, braces.get(braces.size() - 1) - 1);
                }
                bracket(false);
            } else if (c == '(' || c == '[') {
                bracket(true);
            } else if (c == ')' || c == ']') {
                bracket(false);
            } else {
                sink.token(i, i + 1, TokenKind.PUNCTUATION);
                i++;
                // after x++ or x-- a slash divides; after any other operator it starts an expression
                regexAllowed = !((c == '+' || c == '-') && i >= 2 && s.charAt(i - 2) == c);
            }
        }

        private void bracket(boolean opens) {
            sink.token(i, i + 1, TokenKind.BRACKET);
            i++;
            regexAllowed = opens;
        }

        private void blockComment(int from) {
            blockComment(from, from);
        }

        /** Scans for the end of a block comment from {@code searchFrom}; the token starts at {@code tokenStart}. */
        private void blockComment(int searchFrom, int tokenStart) {
            int close = s.indexOf("*/", searchFrom);
            if (close < 0) {
                sink.token(tokenStart, n, TokenKind.COMMENT);
                i = n;
                return;
            }
            sink.token(tokenStart, close + 2, TokenKind.COMMENT);
            i = close + 2;
            mode = Mode.CODE;
        }

        /** Scans a quoted string whose opening quote (if on this line) is before {@code i}; the token starts at {@code from}. */
        private void string(int from, char quote) {
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    if (i + 1 == n) {
                        // a line continuation: the string goes on on the next line
                        sink.token(from, n, TokenKind.STRING);
                        i = n;
                        return;
                    }
                    i += 2;
                } else if (c == quote) {
                    i++;
                    sink.token(from, i, TokenKind.STRING);
                    mode = Mode.CODE;
                    regexAllowed = false;
                    return;
                } else {
                    i++;
                }
            }
            // unterminated: the string ends with the line, as JavaScript's own lexer decides
            sink.token(from, n, TokenKind.STRING);
            mode = Mode.CODE;
            regexAllowed = false;
        }

        private void templateText(int from) {
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == '`') {
                    i++;
                    sink.token(from, i, TokenKind.TEMPLATE);
                    mode = Mode.CODE;
                    regexAllowed = false;
                    return;
                } else if (c == '$' && peek(1) == '{') {
                    i += 2;
                    sink.token(from, i, TokenKind.TEMPLATE);
                    braces.add(0);
                    mode = Mode.CODE;
                    regexAllowed = true;
                    return;
                } else {
                    i++;
                }
            }
            i = Math.min(i, n);
            sink.token(from, n, TokenKind.TEMPLATE);
        }

        /** A regular expression literal from the slash at {@code i}, if it closes on this line. */
        private boolean regex() {
            int j = i + 1;
            boolean inClass = false;
            while (j < n) {
                char c = s.charAt(j);
                if (c == '\\') {
                    j += 2;
                    continue;
                }
                if (c == '[') {
                    inClass = true;
                } else if (c == ']') {
                    inClass = false;
                } else if (c == '/' && !inClass) {
                    j++;
                    while (j < n && Character.isLetter(s.charAt(j))) {
                        j++;
                    }
                    sink.token(i, j, TokenKind.REGEX);
                    i = j;
                    return true;
                }
                j++;
            }
            return false;
        }

        private void number() {
            int from = i;
            char c = s.charAt(i);
            char next = Character.toLowerCase(peek(1));
            if (c == '0' && (next == 'x' || next == 'b' || next == 'o')) {
                i += 2;
                while (i < n && (Character.digit(s.charAt(i), 16) >= 0 || s.charAt(i) == '_')) {
                    i++;
                }
            } else {
                digits();
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    digits();
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int mark = i;
                    i++;
                    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < n && isDigit(s.charAt(i))) {
                        digits();
                    } else {
                        i = mark;
                    }
                }
            }
            if (i < n && s.charAt(i) == 'n') {
                i++;
            }
            sink.token(from, i, TokenKind.NUMBER);
            regexAllowed = false;
        }

        private void digits() {
            while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }

        private void word() {
            int from = i;
            i++;
            while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                i++;
            }
            String word = s.substring(from, i);
            boolean property = from > 0 && s.charAt(from - 1) == '.';
            if (!property && LITERALS.contains(word)) {
                sink.token(from, i, TokenKind.LITERAL);
                regexAllowed = false;
            } else if (!property && KEYWORDS.contains(word)) {
                sink.token(from, i, TokenKind.KEYWORD);
                regexAllowed = EXPRESSION_KEYWORDS.contains(word);
            } else {
                regexAllowed = false;
            }
        }

        private char peek(int ahead) {
            int at = i + ahead;
            return at < n ? s.charAt(at) : '\0';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
