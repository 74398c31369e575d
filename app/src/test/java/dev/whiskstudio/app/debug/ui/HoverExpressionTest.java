package dev.whiskstudio.app.debug.ui;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HoverExpressionTest {
    private static Optional<String> over(String line, String marked) {
        return HoverExpression.at(line, line.indexOf(marked));
    }

    @Test
    void aNameAloneIsItself() {
        assertEquals(Optional.of("total"), over("  total += helper(i);", "tal"));
        assertEquals(Optional.of("$el_2"), over("x = $el_2;", "el_"));
    }

    @Test
    void aPropertyBringsItsChainUpToTheHoveredName() {
        String line = "  return config.nested.depth + 1;";
        assertEquals(Optional.of("config.nested"), over(line, "nested"));
        assertEquals(Optional.of("config.nested.depth"), over(line, "depth"));
        assertEquals(Optional.of("config"), over(line, "config"));
        assertEquals(Optional.of("this.name"), over("return this.name;", "name"));
        assertEquals(Optional.of("a?.b"), over("f(a?.b)", "b)"));
    }

    @Test
    void keywordsNumbersAndCallsGiveNothing() {
        assertEquals(Optional.empty(), over("  const x = 1;", "const"));
        assertEquals(Optional.empty(), over("  const x = 42;", "42"));
        assertEquals(Optional.empty(), over("  return f().value;", "value"));
        assertEquals(Optional.empty(), over("  return list[0].value;", "value"));
        assertEquals(Optional.empty(), over("  x = 1 + 2;", "+"));
        assertEquals(Optional.empty(), HoverExpression.at("abc", 5));
    }

    @Test
    void aSpreadIsTheNameItself() {
        assertEquals(Optional.of("args"), over("  call(...args);", "args"));
    }

    @Test
    void aKeywordAsAPropertyNameIsAName() {
        assertEquals(Optional.of("response.default"), over("response.default", "default"));
    }
}
