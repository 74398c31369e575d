package dev.whiskstudio.app.editor.highlight;

/** Receives the tokens of one line, in order and without overlap; the text between tokens is plain. */
@FunctionalInterface
public interface TokenSink {
    TokenSink IGNORE = (start, end, kind) -> { };

    void token(int start, int end, TokenKind kind);
}
