package dev.whiskstudio.app.editor.highlight;

import java.util.List;

/**
 * Where a lexer stands at a line break: inside code, a block comment, a string continued with a backslash or the text
 * of a template literal; whether a {@code /} there would start a regular expression; and, for each {@code ${}
 * substitution we are inside of, how many braces are open in it (so its closing brace returns to the template).
 */
public record LexState(Mode mode, boolean regexAllowed, List<Integer> substitutionBraces) {
    public enum Mode {
        CODE,
        BLOCK_COMMENT,
        SINGLE_QUOTED,
        DOUBLE_QUOTED,
        TEMPLATE
    }

    public static final LexState START = new LexState(Mode.CODE, true, List.of());
    private static final LexState CODE_AFTER_VALUE = new LexState(Mode.CODE, false, List.of());

    public LexState {
        substitutionBraces = List.copyOf(substitutionBraces);
    }

    /** The same state object for the common cases, so 10,000 cached line starts do not mean 10,000 objects. */
    static LexState of(Mode mode, boolean regexAllowed, List<Integer> substitutionBraces) {
        if (mode == Mode.CODE && substitutionBraces.isEmpty()) {
            return regexAllowed ? START : CODE_AFTER_VALUE;
        }
        return new LexState(mode, regexAllowed, substitutionBraces);
    }
}
