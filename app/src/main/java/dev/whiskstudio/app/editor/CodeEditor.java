package dev.whiskstudio.app.editor;

import dev.whiskstudio.app.editor.find.FindReplaceBar;
import dev.whiskstudio.app.editor.gutter.BreakpointModel;
import dev.whiskstudio.app.editor.gutter.LineGutter;
import dev.whiskstudio.app.editor.highlight.JavaScriptHighlighter;
import dev.whiskstudio.app.editor.highlight.Language;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.undo.UndoManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code editor: a {@link EditorArea} in a virtualized scroll pane, bars above it (find/replace, notices), and the
 * features installed on it. The host itself only knows the text, the caret, undo, its bars and its features; every
 * behaviour beyond that is an {@link EditorFeature}. All methods are for the FX thread.
 */
public class CodeEditor extends dev.whiskstudio.app.ui.FillPane {
    private final EditorArea area = new EditorArea();
    private final VirtualizedScrollPane<EditorArea> scrollPane = new VirtualizedScrollPane<>(area);
    private final VBox bars = new VBox();
    private final VBox column = new VBox(bars, scrollPane);
    private final Map<Class<? extends EditorFeature>, EditorFeature> features = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<CaretPosition> caretPosition = new ReadOnlyObjectWrapper<>(this, "caretPosition", CaretPosition.START);
    private final BreakpointModel breakpoints = new BreakpointModel();

    /** A JavaScript editor with every standard feature. */
    public CodeEditor() {
        this(Language.JAVASCRIPT);
    }

    /** An editor for {@code language} with every standard feature. */
    public CodeEditor(Language language) {
        this((Void) null);
        install(new IndentKeys());
        install(new JavaScriptHighlighter(language));
        install(new LineGutter());
        install(new CurrentLineHighlight());
        install(new BracketMatcher());
        install(new FindReplaceBar());
        install(new GoToLine());
    }

    private CodeEditor(@SuppressWarnings("unused") Void bare) {
        getStyleClass().add("code-editor");
        getStylesheets().add(EditorStyles.sheet());
        bars.getStyleClass().add("editor-bars");
        VBox.setVgrow(scrollPane, Priority.ALWAYS);
        fill(column);
        area.currentParagraphProperty().addListener((obs, old, now) -> updateCaretPosition());
        area.caretColumnProperty().addListener((obs, old, now) -> updateCaretPosition());
    }

    /** A host with no feature installed, for a caller that picks its own. */
    public static CodeEditor bare() {
        return new CodeEditor((Void) null);
    }

    public EditorArea area() {
        return area;
    }

    // ---- text ----

    public String getText() {
        return area.getText();
    }

    /**
     * Replaces the text as one undoable edit. Only the part that differs is replaced, so breakpoints, the caret and
     * the highlighting of the unchanged lines around it stay where they are.
     */
    public void setText(String text) {
        String old = area.getText();
        int prefix = 0;
        int limit = Math.min(old.length(), text.length());
        while (prefix < limit && old.charAt(prefix) == text.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && old.charAt(old.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
            suffix++;
        }
        if (prefix == old.length() && prefix == text.length()) {
            return;
        }
        area.replaceText(prefix, old.length() - suffix, text.substring(prefix, text.length() - suffix));
    }

    /** Loads a file's text: replaces everything, forgets the undo history and marks this text as the saved one. */
    public void loadText(String text) {
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
        area.getUndoManager().mark();
        area.moveTo(0);
        area.showParagraphAtTop(0);
    }

    public UndoManager<?> undoManager() {
        return area.getUndoManager();
    }

    public void undo() {
        area.undo();
    }

    public void redo() {
        area.redo();
    }

    public int lineCount() {
        return area.getParagraphs().size();
    }

    // ---- caret ----

    public ReadOnlyObjectProperty<CaretPosition> caretPositionProperty() {
        return caretPosition.getReadOnlyProperty();
    }

    public CaretPosition getCaretPosition() {
        return caretPosition.get();
    }

    /** Moves the caret to a line and column (from 1, clamped to the text) and scrolls the line into the middle. */
    public void moveCaretTo(int line, int column) {
        int paragraph = Math.max(0, Math.min(line, lineCount()) - 1);
        int offset = Math.max(0, Math.min(column - 1, area.getParagraphLength(paragraph)));
        area.moveTo(paragraph, offset);
        area.showParagraphAtCenter(paragraph);
        area.requestFollowCaret();
    }

    private void updateCaretPosition() {
        caretPosition.set(new CaretPosition(area.getCurrentParagraph() + 1, area.getCaretColumn() + 1));
    }

    // ---- breakpoints and the execution line ----

    /** The breakpoints of this editor's text, by line; the gutter shows and toggles them and keeps them on their line. */
    public BreakpointModel breakpoints() {
        return breakpoints;
    }

    /** Marks the line the debugger stands on (from 1), or none with {@code -1}; needs the {@link LineGutter}. */
    public void setExecutionLine(int line) {
        feature(LineGutter.class).orElseThrow(() -> new IllegalStateException("this editor has no gutter"))
                .setExecutionLine(line);
    }

    // ---- bars above the text ----

    /** Shows a bar (find/replace, a notice) above the text; bars stack in the order they were shown. */
    public void showBar(Node bar) {
        if (!bars.getChildren().contains(bar)) {
            bars.getChildren().add(bar);
        }
    }

    public void removeBar(Node bar) {
        bars.getChildren().remove(bar);
    }

    public List<Node> bars() {
        return List.copyOf(bars.getChildren());
    }

    // ---- features ----

    /** Installs a feature; one of a class at a time (a second one replaces the first). */
    public <T extends EditorFeature> T install(T feature) {
        EditorFeature previous = features.remove(feature.getClass());
        if (previous != null) {
            previous.uninstall(this);
        }
        features.put(feature.getClass(), feature);
        feature.install(this);
        return feature;
    }

    public void uninstall(Class<? extends EditorFeature> type) {
        EditorFeature feature = features.remove(type);
        if (feature != null) {
            feature.uninstall(this);
        }
    }

    public <T extends EditorFeature> Optional<T> feature(Class<T> type) {
        return Optional.ofNullable(features.get(type)).map(type::cast);
    }

    /** Switches the highlighting language (a new highlighter re-lexes the whole text). */
    public void setLanguage(Language language) {
        install(new JavaScriptHighlighter(language));
    }

    public Optional<JavaScriptHighlighter> highlighter() {
        return feature(JavaScriptHighlighter.class);
    }

    // ---- commands the window's menu calls ----

    public void showFind() {
        feature(FindReplaceBar.class).ifPresent(FindReplaceBar::showFind);
    }

    public void showReplace() {
        feature(FindReplaceBar.class).ifPresent(FindReplaceBar::showReplace);
    }

    public void findNext() {
        feature(FindReplaceBar.class).ifPresent(FindReplaceBar::next);
    }

    public void findPrevious() {
        feature(FindReplaceBar.class).ifPresent(FindReplaceBar::previous);
    }

    public void showGoToLine() {
        feature(GoToLine.class).ifPresent(GoToLine::show);
    }

    /** Uninstalls every feature (their threads and listeners go with them); the editor is not used again after. */
    public void dispose() {
        for (Class<? extends EditorFeature> type : new ArrayList<>(features.keySet())) {
            uninstall(type);
        }
    }

    /** Focus goes to the text: the editor itself takes no keys. */
    @Override
    public void requestFocus() {
        area.requestFocus();
    }
}
