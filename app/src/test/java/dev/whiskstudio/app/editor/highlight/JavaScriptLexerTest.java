package dev.whiskstudio.app.editor.highlight;

import dev.whiskstudio.app.editor.highlight.LexState.Mode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JavaScriptLexerTest {
    private final JavaScriptLexer lexer = new JavaScriptLexer();

    /** "text:KIND" for every token of the line lexed from {@code start}. */
    private List<String> tokens(String line, LexState start) {
        List<String> out = new ArrayList<>();
        lexer.lexLine(line, start, (from, to, kind) -> out.add(line.substring(from, to) + ":" + kind));
        return out;
    }

    private List<String> tokens(String line) {
        return tokens(line, LexState.START);
    }

    @Test
    void keywordsLiteralsNumbersAndStrings() {
        assertEquals(List.of("const:KEYWORD", "=:PUNCTUATION", "'a\\'b':STRING", ";:PUNCTUATION"),
                tokens("const x = 'a\\'b';"));
        assertEquals(List.of("return:KEYWORD", "true:LITERAL"), tokens("return true"));
        assertEquals(List.of("0x1F:NUMBER", "+:PUNCTUATION", "1_000.5e-3:NUMBER", "+:PUNCTUATION", "10n:NUMBER"),
                tokens("0x1F + 1_000.5e-3 + 10n"));
        assertEquals(List.of("null:LITERAL", "undefined:LITERAL"), tokens("null undefined"));
    }

    @Test
    void aPropertyNamedLikeAKeywordIsNotOne() {
        assertEquals(List.of(".:PUNCTUATION", "(:BRACKET", "):BRACKET"), tokens("promise.catch()"));
    }

    @Test
    void blockCommentsSpanLines() {
        LexState after = lexer.lexLine("let a = 1; /* starts", LexState.START, TokenSink.IGNORE);
        assertEquals(Mode.BLOCK_COMMENT, after.mode());
        assertEquals(List.of("still inside:COMMENT"), tokens("still inside", after));
        assertEquals(List.of("ends */:COMMENT", "let:KEYWORD"), tokens("ends */ let", after));
        assertEquals(Mode.CODE, lexer.lexLine("ends */ let", after, TokenSink.IGNORE).mode());
        assertEquals(List.of("// note:COMMENT"), tokens("// note"));
    }

    @Test
    void templateLiteralsWithNestedSubstitutions() {
        assertEquals(List.of("`:TEMPLATE", "a ${:TEMPLATE", "}:TEMPLATE", "`:TEMPLATE"), tokens("`a ${x}`"));
        List<String> nested = tokens("`x ${ {a: `y ${z}`}.a } w`");
        assertEquals("`:TEMPLATE", nested.get(0));
        assertEquals(" w`:TEMPLATE", nested.get(nested.size() - 1));
        LexState open = lexer.lexLine("const t = `first line", LexState.START, TokenSink.IGNORE);
        assertEquals(Mode.TEMPLATE, open.mode());
        assertEquals(List.of("second ${:TEMPLATE", "if:KEYWORD", "}:TEMPLATE", " `:TEMPLATE"),
                tokens("second ${if} `", open));
    }

    @Test
    void aSlashIsARegexWhereAnExpressionStartsAndADivisionAfterAValue() {
        assertEquals(List.of("=:PUNCTUATION", "/ab+[/]c/gi:REGEX", ";:PUNCTUATION"), tokens("x = /ab+[/]c/gi;"));
        assertEquals(List.of("/:PUNCTUATION", "2:NUMBER", "/:PUNCTUATION", "3:NUMBER"), tokens("a / 2 / 3"));
        assertEquals(List.of("(:BRACKET", "):BRACKET", "/:PUNCTUATION", "2:NUMBER"), tokens("f() / 2"));
        assertEquals(List.of("return:KEYWORD", "/x/:REGEX"), tokens("return /x/"));
    }

    @Test
    void aBackslashAtTheEndContinuesAString() {
        LexState after = lexer.lexLine("'abc\\", LexState.START, TokenSink.IGNORE);
        assertEquals(Mode.SINGLE_QUOTED, after.mode());
        assertEquals(List.of("def':STRING", ";:PUNCTUATION"), tokens("def';", after));
        // without the backslash an unterminated string ends with its line
        assertEquals(Mode.CODE, lexer.lexLine("'abc", LexState.START, TokenSink.IGNORE).mode());
    }

    @Test
    void jsonKeysLiteralsAndErrors() {
        JsonLexer json = new JsonLexer();
        List<String> out = new ArrayList<>();
        String line = "{\"name\": \"x\", \"n\": -1.5e3, \"ok\": true, \"bad\": nope}";
        json.lexLine(line, LexState.START, (from, to, kind) -> out.add(line.substring(from, to) + ":" + kind));
        assertEquals(List.of("{:BRACKET", "\"name\":PROPERTY", "::PUNCTUATION", "\"x\":STRING", ",:PUNCTUATION",
                "\"n\":PROPERTY", "::PUNCTUATION", "-1.5e3:NUMBER", ",:PUNCTUATION", "\"ok\":PROPERTY",
                "::PUNCTUATION", "true:LITERAL", ",:PUNCTUATION", "\"bad\":PROPERTY", "::PUNCTUATION",
                "nope:ERROR", "}:BRACKET"), out);
    }
}
