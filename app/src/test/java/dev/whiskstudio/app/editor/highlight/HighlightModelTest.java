package dev.whiskstudio.app.editor.highlight;

import org.fxmisc.richtext.model.StyleSpan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HighlightModelTest {
    private static String lines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i > 0 ? "\n" : "").append("const v").append(i).append(" = 'value ").append(i).append("';");
        }
        return text.toString();
    }

    @Test
    void aKeystrokeInTenThousandLinesLexesOneLine() {
        HighlightModel model = new HighlightModel(new JavaScriptLexer());
        String text = lines(10_000);
        model.apply(0, "", text);
        assertEquals(10_000, model.lineCount());
        model.takePending();
        model.clearPending();

        long before = model.linesLexed();
        int middle = text.indexOf("const v5000");
        model.apply(middle, "", "x");
        HighlightModel.LineSpans spans = model.takePending();
        assertEquals(5000, spans.from());
        assertEquals(5001, spans.to());
        // one line to find its end state, once more for its spans
        assertEquals(2, model.linesLexed() - before);
    }

    @Test
    void openingABlockCommentRelexesToTheEndAndClosingItRestores() {
        HighlightModel model = new HighlightModel(new JavaScriptLexer());
        model.apply(0, "", lines(500));
        model.takePending();
        model.clearPending();

        model.apply(0, "", "/*\n");
        HighlightModel.LineSpans opened = model.takePending();
        model.clearPending();
        assertEquals(0, opened.from());
        assertEquals(501, opened.to());
        assertTrue(styles(opened).stream().allMatch(s -> s.isEmpty() || s.contains("comment")), "everything is comment");

        model.apply(2, "", "*/");
        HighlightModel.LineSpans closed = model.takePending();
        assertEquals(0, closed.from());
        assertEquals(501, closed.to());
        assertTrue(styles(closed).contains(List.of("keyword")));
    }

    @Test
    void spansCoverTheLinesExactly() {
        HighlightModel model = new HighlightModel(new JavaScriptLexer());
        String text = "let a = 1;\n\n// c\n`t";
        model.apply(0, "", text);
        HighlightModel.LineSpans spans = model.takePending();
        assertEquals(text.length(), spans.spans().length());
    }

    @Test
    void pendingLinesNotYetShownMoveWithLaterEdits() {
        HighlightModel model = new HighlightModel(new JavaScriptLexer());
        String text = lines(100);
        model.apply(0, "", text);
        model.takePending();
        model.clearPending();
        // an edit on line 50, whose spans never reached the screen, then two lines inserted at the top
        model.apply(text.indexOf("const v50 "), "", "x");
        model.apply(0, "", "a\nb\n");
        HighlightModel.LineSpans spans = model.takePending();
        assertEquals(0, spans.from());
        assertTrue(spans.to() >= 53, "still covers line 50, now 52: " + spans.to());
    }

    private static List<List<String>> styles(HighlightModel.LineSpans spans) {
        List<List<String>> out = new ArrayList<>();
        for (StyleSpan<java.util.Collection<String>> span : spans.spans()) {
            out.add(List.copyOf(span.getStyle()));
        }
        return out;
    }
}
