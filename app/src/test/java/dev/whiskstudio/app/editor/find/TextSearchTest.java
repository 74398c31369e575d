package dev.whiskstudio.app.editor.find;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextSearchTest {
    private static final String TEXT = "let total = 0;\nTotal += subtotal;\nconst $total = total;";

    @Test
    void countsMatchesWithAndWithoutCase() {
        assertEquals(5, TextSearch.find(TEXT, SearchQuery.plain("total")).count());
        assertEquals(4, TextSearch.find(TEXT, new SearchQuery("total", true, false, false)).count());
    }

    @Test
    void wholeWordsTreatDollarAsPartOfAWord() {
        SearchResult result = TextSearch.find(TEXT, new SearchQuery("total", true, false, true));
        assertEquals(2, result.count());
        assertEquals(4, result.starts()[0]);
    }

    @Test
    void regularExpressionsAndTheirMistakes() {
        assertEquals(3, TextSearch.find(TEXT, new SearchQuery("^\\w+", false, true, false)).count());
        SearchResult bad = TextSearch.find(TEXT, new SearchQuery("(tot", false, true, false));
        assertTrue(bad.hasProblem());
        assertTrue(bad.problem().startsWith("Invalid regular expression: Unclosed group"), bad.problem());
        // the same characters as plain text are fine
        assertFalse(TextSearch.find(TEXT, SearchQuery.plain("(tot")).hasProblem());
    }

    @Test
    void emptyMatchesAreNotCounted() {
        assertEquals(0, TextSearch.find("abc", new SearchQuery("x*", false, true, false)).count());
    }

    @Test
    void replacementsUseGroupsOnlyInRegexMode() {
        List<Replacement> regex = TextSearch.planReplaceAll("a=1, b=2", new SearchQuery("(\\w)=(\\d)", false, true, false), "$2:$1");
        assertEquals(List.of(new Replacement(0, 3, "1:a"), new Replacement(5, 8, "2:b")), regex);
        List<Replacement> plain = TextSearch.planReplaceAll("a=1", SearchQuery.plain("a"), "$1");
        assertEquals(List.of(new Replacement(0, 1, "$1")), plain);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TextSearch.planReplaceAll("a=1", new SearchQuery("a", false, true, false), "$3"));
        assertTrue(bad.getMessage().startsWith("Invalid replacement"), bad.getMessage());
    }

    @Test
    void replaceAtTakesOnlyTheMatchStartingThere() {
        String text = "foo bar foo";
        assertEquals(List.of(new Replacement(8, 11, "baz")), TextSearch.planReplaceAt(text, SearchQuery.plain("foo"), "baz", 8));
        assertEquals(List.of(), TextSearch.planReplaceAt(text, SearchQuery.plain("foo"), "baz", 5));
    }

    @Test
    void navigationWraps() {
        SearchResult result = TextSearch.find("x.x.x", SearchQuery.plain("x"));
        assertEquals(1, result.firstAtOrAfter(1));
        assertEquals(0, result.firstAtOrAfter(5));
        assertEquals(2, result.lastBefore(0));
        assertEquals(1, result.indexOf(2, 3));
    }
}
