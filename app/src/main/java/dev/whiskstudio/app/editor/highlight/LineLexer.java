package dev.whiskstudio.app.editor.highlight;

/**
 * Lexes one line at a time. The only thing carried from one line to the next is the {@link LexState}, which is what
 * lets the highlighter cache it per line and stop re-lexing once it matches the cached one again. Implementations
 * are stateless and safe to call from any thread.
 */
public interface LineLexer {
    LexState initialState();

    /**
     * Reports the tokens of {@code line} (without its line break), lexed from {@code start}, and returns the state at
     * the start of the next line.
     */
    LexState lexLine(String line, LexState start, TokenSink sink);
}
