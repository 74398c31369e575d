package dev.whiskstudio.app.editor;

import javafx.scene.control.IndexRange;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.MultiChangeBuilder;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

import java.util.Collection;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;

/**
 * Indentation keys: Tab inserts two spaces (or indents every selected line), Shift+Tab takes up to two spaces off
 * the selected lines, and Enter keeps the line's indentation, one level more after an opening bracket (and puts the
 * matching closing bracket right after the caret on its own line).
 */
public final class IndentKeys implements EditorFeature {
    public static final String INDENT = "  ";
    private static final String OPENERS = "{([";
    private static final String CLOSERS = "})]";

    private EditorArea area;
    private InputMap<KeyEvent> keys;

    @Override
    public void install(CodeEditor editor) {
        area = editor.area();
        keys = InputMap.sequence(
                InputMap.consume(keyPressed(KeyCode.TAB), e -> indent()),
                InputMap.consume(keyPressed(KeyCode.TAB, KeyCombination.SHIFT_DOWN), e -> outdent()),
                InputMap.consume(keyPressed(KeyCode.ENTER), e -> newLine()));
        Nodes.addInputMap(area, keys);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        Nodes.removeInputMap(area, keys);
    }

    private void indent() {
        IndexRange selection = area.getSelection();
        int first = paragraphOf(selection.getStart());
        int last = paragraphOf(selection.getEnd());
        if (first == last) {
            area.replaceSelection(INDENT);
            area.requestFollowCaret();
            return;
        }
        MultiChangeBuilder<Collection<String>, String, Collection<String>> change = area.createMultiChange();
        int shift = 0;
        for (int paragraph = first; paragraph <= last; paragraph++) {
            int start = area.getAbsolutePosition(paragraph, 0) + shift;
            change.insertTextAbsolutely(start, INDENT);
            shift += INDENT.length();
        }
        change.commit();
    }

    private void outdent() {
        IndexRange selection = area.getSelection();
        int first = paragraphOf(selection.getStart());
        int last = paragraphOf(selection.getEnd());
        MultiChangeBuilder<Collection<String>, String, Collection<String>> change = area.createMultiChange();
        int shift = 0;
        boolean any = false;
        for (int paragraph = first; paragraph <= last; paragraph++) {
            String text = area.getParagraph(paragraph).getText();
            int remove = text.startsWith("\t") ? 1 : text.startsWith(INDENT) ? 2 : text.startsWith(" ") ? 1 : 0;
            if (remove > 0) {
                int start = area.getAbsolutePosition(paragraph, 0) - shift;
                change.deleteTextAbsolutely(start, start + remove);
                shift += remove;
                any = true;
            }
        }
        if (any) {
            change.commit();
        }
    }

    private void newLine() {
        IndexRange selection = area.getSelection();
        int paragraph = paragraphOf(selection.getStart());
        int column = selection.getStart() - area.getAbsolutePosition(paragraph, 0);
        String line = area.getParagraph(paragraph).getText();
        String before = line.substring(0, column);
        String indent = leadingWhitespace(before);
        char opener = lastNonBlank(before);
        int endParagraph = paragraphOf(selection.getEnd());
        String after = area.getParagraph(endParagraph).getText()
                .substring(selection.getEnd() - area.getAbsolutePosition(endParagraph, 0)).strip();
        int kind = OPENERS.indexOf(opener);
        if (kind < 0) {
            area.replaceSelection("\n" + indent);
        } else if (!after.isEmpty() && after.charAt(0) == CLOSERS.charAt(kind)) {
            String inner = "\n" + indent + INDENT;
            area.replaceSelection(inner + "\n" + indent);
            area.moveTo(selection.getStart() + inner.length());
        } else {
            area.replaceSelection("\n" + indent + INDENT);
        }
        area.requestFollowCaret();
    }

    private int paragraphOf(int position) {
        return area.offsetToPosition(position, Bias.Forward).getMajor();
    }

    private static String leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(0, i);
    }

    private static char lastNonBlank(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return '\0';
    }
}
