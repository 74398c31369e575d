package dev.whiskstudio.app.editor.highlight;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/** The languages the editor colours, each with its lexer. */
public enum Language {
    JAVASCRIPT(JavaScriptLexer::new),
    JSON(JsonLexer::new),
    /** No colouring at all (a file the editor has no lexer for). */
    PLAIN_TEXT(PlainTextLexer::new);

    private final Supplier<LineLexer> lexer;

    Language(Supplier<LineLexer> lexer) {
        this.lexer = lexer;
    }

    public LineLexer lexer() {
        return lexer.get();
    }

    /** By file name: {@code .js .mjs .cjs .jsx .ts} are JavaScript, {@code .json} is JSON, the rest plain text. */
    public static Language forFile(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        for (String extension : new String[] {".js", ".mjs", ".cjs", ".jsx", ".ts"}) {
            if (lower.endsWith(extension)) {
                return JAVASCRIPT;
            }
        }
        return PLAIN_TEXT;
    }

    private static final class PlainTextLexer implements LineLexer {
        @Override
        public LexState initialState() {
            return LexState.START;
        }

        @Override
        public LexState lexLine(String line, LexState start, TokenSink sink) {
            return LexState.START;
        }
    }
}
