package dev.whiskstudio.app.editor;

import dev.whiskstudio.app.editor.find.FindReplaceBar;
import dev.whiskstudio.app.editor.highlight.JavaScriptHighlighter;
import dev.whiskstudio.app.editor.highlight.Language;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Collection;
import java.util.Set;

import static dev.whiskstudio.app.editor.FxEditorSupport.onFx;
import static dev.whiskstudio.app.editor.FxEditorSupport.runFx;
import static dev.whiskstudio.app.editor.FxEditorSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor in a real window (headless Monocle), driven through the keyboard and mouse where a user would. */
class CodeEditorTest {
    private final FxRobot robot = new FxRobot();
    private CodeEditor editor;

    @BeforeEach
    void showEditor() throws Exception {
        FxEditorSupport.show(() -> {
            editor = new CodeEditor(Language.JAVASCRIPT);
            return editor;
        });
    }

    @AfterEach
    void closeEditor() throws Exception {
        runFx(editor::dispose);
        FxToolkit.cleanupStages();
    }

    private void load(String text) throws Exception {
        runFx(() -> editor.loadText(text));
        waitForHighlighting();
        // and laid out: the gutter's nodes exist once a pulse has shown the lines
        waitUntil(() -> !editor.area().getVisibleParagraphs().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForHighlighting() throws Exception {
        waitUntil(() -> highlighter().isUpToDate());
    }

    private JavaScriptHighlighter highlighter() {
        return editor.highlighter().orElseThrow();
    }

    private Collection<String> styleAt(int position) throws Exception {
        return onFx(() -> editor.area().getStyleOfChar(position));
    }

    private Collection<String> styleAt(int line, int column) throws Exception {
        return onFx(() -> editor.area().getStyleOfChar(line, column));
    }

    private void focusAt(int position) throws Exception {
        runFx(() -> {
            editor.area().requestFocus();
            editor.area().moveTo(position);
        });
    }

    @Test
    void highlightsKeywordsStringsAndComments() throws Exception {
        String text = "const s = 'hi'; // note\n/* block\n still */ let t = `a${s}`;";
        load(text);
        assertTrue(styleAt(0).contains("keyword"), styleAt(0).toString());
        assertTrue(styleAt(text.indexOf("'hi'") + 1).contains("string"));
        assertTrue(styleAt(text.indexOf("// note") + 3).contains("comment"));
        assertTrue(styleAt(2, 2).contains("comment"), "a block comment colours its second line too");
        assertTrue(styleAt(text.indexOf("let")).contains("keyword"));
        assertTrue(styleAt(text.indexOf("`a") + 1).contains("template"));
        assertFalse(styleAt(text.indexOf(" s =") + 1).contains("keyword"), "an identifier is plain");
    }

    @Test
    void typingACommentOpenerAtTheTopRestylesLaterLinesAndClosingItRestoresThem() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("let v").append(i).append(" = ").append(i).append(";\n");
        }
        load(text.toString());
        int lastLine = onFx(() -> editor.lineCount()) - 2;
        assertTrue(styleAt(lastLine, 0).contains("keyword"));

        focusAt(0);
        robot.write("/*");
        waitUntil(() -> highlighter().isUpToDate() && editor.area().getStyleOfChar(lastLine, 0).contains("comment"));

        runFx(() -> editor.area().moveTo(0, 2));
        robot.write("*/");
        waitUntil(() -> highlighter().isUpToDate() && editor.area().getStyleOfChar(lastLine, 0).contains("keyword"));

        // a keystroke in the middle re-lexes a line or two, not the file
        long before = highlighter().linesLexed();
        runFx(() -> editor.area().moveTo(1000, 4));
        robot.write("x");
        waitForHighlighting();
        long lexed = highlighter().linesLexed() - before;
        assertTrue(lexed > 0 && lexed <= 4, "lines lexed for one keystroke: " + lexed);
        assertTrue(styleAt(1000, 0).contains("keyword"));
    }

    @Test
    void enterKeepsTheIndentAndTabInsertsTwoSpaces() throws Exception {
        load("function f() {}");
        focusAt(14);
        robot.push(KeyCode.ENTER);
        assertEquals("function f() {\n  \n}", onFx(editor::getText));
        robot.write("x;");
        robot.push(KeyCode.ENTER);
        robot.push(KeyCode.TAB);
        robot.write("y");
        assertEquals("function f() {\n  x;\n    y\n}", onFx(editor::getText));
        assertEquals(new CaretPosition(3, 6), onFx(editor::getCaretPosition));

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> !editor.getText().contains("y"));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        waitUntil(() -> editor.getText().contains("y"));
    }

    @Test
    void findCountsMatchesAndReplaceAllIsOneUndoStep() throws Exception {
        String text = "foo bar foo\nbaz Foo\nfood";
        load(text);
        focusAt(0);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        FindReplaceBar bar = editor.feature(FindReplaceBar.class).orElseThrow();
        waitUntil(bar::isOpen);
        robot.write("foo");
        waitUntil(() -> bar.countText().equals("1 of 4"));
        robot.push(KeyCode.ENTER);
        waitUntil(() -> bar.countText().equals("2 of 4"));
        assertEquals(8, onFx(() -> editor.area().getSelection().getStart()));
        robot.push(KeyCode.SHIFT, KeyCode.ENTER);
        waitUntil(() -> bar.countText().equals("1 of 4"));

        robot.clickOn("#find-whole-word");
        waitUntil(() -> bar.countText().matches("\\d of 3|3 matches"));
        robot.clickOn("#find-match-case");
        waitUntil(() -> bar.countText().matches("\\d of 2|2 matches"));

        runFx(editor::showReplace);
        runFx(() -> bar.replaceField().setText("qux"));
        robot.clickOn("#replace-all");
        assertEquals("qux bar qux\nbaz Foo\nfood", onFx(editor::getText));
        waitUntil(() -> bar.countText().equals("Replaced 2 matches"));

        runFx(editor::undo);
        assertEquals(text, onFx(editor::getText), "one undo step takes back every replacement");

        robot.push(KeyCode.ESCAPE);
        waitUntil(() -> !bar.isOpen());
    }

    @Test
    void anInvalidRegularExpressionIsAMessage() throws Exception {
        load("let a = (1);");
        focusAt(0);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        robot.clickOn("#find-regex");
        robot.clickOn("#find-field");
        robot.write("(1");
        Label count = onFx(() -> (Label) robot.lookup("#find-count").query());
        waitUntil(() -> count.getText().startsWith("Invalid regular expression: Unclosed group"));
        assertTrue(onFx(() -> count.getStyleClass().contains("problem")));
        robot.write(")");
        waitUntil(() -> count.getText().equals("1 of 1"));
    }

    @Test
    void goToLineMovesTheCaretAndExplainsBadInput() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("line ").append(i).append('\n');
        }
        load(text.toString());
        focusAt(0);
        robot.push(KeyCode.CONTROL, KeyCode.L);
        GoToLine goTo = editor.feature(GoToLine.class).orElseThrow();
        waitUntil(goTo::isShowing);

        robot.eraseText(3).write("abc").push(KeyCode.ENTER);
        waitUntil(() -> goTo.message().contains("is not a line number"));
        assertTrue(onFx(goTo::isShowing));

        robot.push(KeyCode.CONTROL, KeyCode.A).write("500").push(KeyCode.ENTER);
        waitUntil(() -> goTo.message().equals("There is no line 500: this file has lines 1 to 101."));

        robot.push(KeyCode.CONTROL, KeyCode.A).write("42:3").push(KeyCode.ENTER);
        waitUntil(() -> !goTo.isShowing());
        assertEquals(new CaretPosition(42, 3), onFx(editor::getCaretPosition));
    }

    @Test
    void clickingTheGutterTogglesABreakpointThatStaysOnItsLine() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            text.append("call(").append(i).append(");\n");
        }
        load(text.toString());
        robot.clickOn("#breakpoint-area-3");
        assertEquals(Set.of(3), onFx(() -> Set.copyOf(editor.breakpoints().lines())));
        Node marker = onFx(() -> robot.lookup("#breakpoint-area-3").lookup(".breakpoint-marker").query());
        assertTrue(onFx(marker::isVisible));

        // two lines typed above it: it moves to line 5 with its text
        focusAt(0);
        robot.write("a").push(KeyCode.ENTER).write("b").push(KeyCode.ENTER);
        waitUntil(() -> editor.breakpoints().lines().equals(Set.of(5)));
        assertEquals("call(3);", onFx(() -> editor.area().getParagraph(4).getText()));

        // deleting the lines above moves it back; deleting its own line removes it
        runFx(() -> editor.area().deleteText(0, 4));
        assertEquals(Set.of(3), onFx(() -> Set.copyOf(editor.breakpoints().lines())));
        runFx(() -> editor.area().deleteText(editor.area().getAbsolutePosition(2, 0), editor.area().getAbsolutePosition(3, 0)));
        assertEquals(Set.of(), onFx(() -> Set.copyOf(editor.breakpoints().lines())));

        robot.clickOn("#breakpoint-area-7");
        robot.clickOn("#breakpoint-area-7");
        assertEquals(Set.of(), onFx(() -> Set.copyOf(editor.breakpoints().lines())));
    }

    @Test
    void theExecutionLineIsMarkedAndFollowsEdits() throws Exception {
        load("a;\nb;\nc;\nd;\n");
        runFx(() -> editor.setExecutionLine(3));
        assertTrue(onFx(() -> editor.area().getParagraph(2).getParagraphStyle().contains("execution-line")));
        runFx(() -> editor.area().insertText(0, "top;\n"));
        assertTrue(onFx(() -> editor.area().getParagraph(3).getParagraphStyle().contains("execution-line")));
        assertFalse(onFx(() -> editor.area().getParagraph(2).getParagraphStyle().contains("execution-line")));
        runFx(() -> editor.setExecutionLine(-1));
        assertFalse(onFx(() -> editor.area().getParagraph(3).getParagraphStyle().contains("execution-line")));
    }

    @Test
    void theCaretLineIsHighlightedAndBracketsMatch() throws Exception {
        load("f(a[1], {b: 2});\nx)");
        CurrentLineHighlight current = editor.feature(CurrentLineHighlight.class).orElseThrow();
        BracketMatcher brackets = editor.feature(BracketMatcher.class).orElseThrow();
        focusAt(2);
        waitUntil(() -> editor.area().getParagraph(0).getParagraphStyle().contains("current-line"));
        waitUntil(() -> brackets.highlighted().length == 2);
        assertArrayEquals(new int[] {1, 14}, brackets.highlighted());
        // and both are drawn
        waitUntil(() -> drawn(".bracket-match") == 2);

        robot.push(KeyCode.DOWN);
        waitUntil(() -> current.markedParagraph() == 1);
        assertTrue(onFx(() -> editor.area().getParagraph(1).getParagraphStyle().contains("current-line")));
        assertFalse(onFx(() -> editor.area().getParagraph(0).getParagraphStyle().contains("current-line")));

        runFx(() -> editor.area().moveTo(1, 2));
        waitUntil(() -> brackets.highlighted().length == 1);
        assertArrayEquals(new int[] {18}, brackets.highlighted());
        waitUntil(() -> drawn(".bracket-match") == 0 && drawn(".bracket-unmatched") == 1);
    }

    /** How many of the area's highlight shapes with this style class have something to draw. */
    private long drawn(String styleClass) {
        return robot.lookup(styleClass).queryAllAs(javafx.scene.shape.Path.class).stream()
                .filter(path -> !path.getElements().isEmpty())
                .count();
    }

    @Test
    void jsonIsHighlightedWithKeysAndErrors() throws Exception {
        runFx(() -> editor.setLanguage(Language.JSON));
        load("{\"name\": \"x\", \"n\": 1, \"ok\": nope}");
        assertTrue(styleAt(2).contains("property"));
        assertTrue(styleAt(10).contains("string"));
        assertTrue(styleAt(29).contains("error"));
    }
}
