package dev.whiskstudio.app.editor.highlight;

import java.util.Collection;
import java.util.List;

/** What a token is; each kind maps to the style classes {@code editor.css} colours. */
public enum TokenKind {
    KEYWORD("keyword"),
    /** {@code true}, {@code false}, {@code null}, {@code undefined}, {@code NaN}, {@code Infinity}. */
    LITERAL("literal"),
    NUMBER("number"),
    STRING("string"),
    /** The text of a template literal, its back quotes and its {@code ${ }} delimiters. */
    TEMPLATE("string", "template"),
    COMMENT("comment"),
    REGEX("regex"),
    BRACKET("bracket"),
    PUNCTUATION("punctuation"),
    /** A JSON object key. */
    PROPERTY("property"),
    /** Text that cannot be there (a JSON word that is not a literal). */
    ERROR("error");

    private final List<String> styleClasses;

    TokenKind(String... styleClasses) {
        this.styleClasses = List.of(styleClasses);
    }

    public Collection<String> styleClasses() {
        return styleClasses;
    }
}
