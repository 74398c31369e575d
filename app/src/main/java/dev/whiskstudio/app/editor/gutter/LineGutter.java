package dev.whiskstudio.app.editor.gutter;

import dev.whiskstudio.app.editor.CodeEditor;
import dev.whiskstudio.app.editor.EditorArea;
import dev.whiskstudio.app.editor.EditorFeature;
import dev.whiskstudio.app.editor.LineChange;
import dev.whiskstudio.app.editor.ParagraphClassMarker;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import org.reactfx.Subscription;

/**
 * Line numbers and the breakpoint column, as RichTextFX paragraph graphics. Clicking a line's marker area toggles its
 * breakpoint in the editor's {@link BreakpointModel}; the gutter keeps that model and the execution line on their
 * lines as the text changes. The execution line (the debugger's, {@link #setExecutionLine}) gets an arrow here and
 * the paragraph style class {@code execution-line}.
 */
public final class LineGutter implements EditorFeature {
    public static final String EXECUTION_LINE_CLASS = "execution-line";

    private final IntegerProperty executionLine = new SimpleIntegerProperty(this, "executionLine", -1);
    private EditorArea area;
    private BreakpointModel breakpoints;
    private ParagraphClassMarker executionMarker;
    /** Digits in the largest line number: every number is padded to it, so the gutter keeps one width. */
    private final IntegerProperty digits = new SimpleIntegerProperty(this, "digits", 2);
    private Subscription changes;
    private MarkerMenuHandler markerMenu;

    /** Asked for a menu on a line's breakpoint area (a secondary click there): the debugger's breakpoint commands. */
    @FunctionalInterface
    public interface MarkerMenuHandler {
        /** {@code line} counts from 1; the point is on the screen, where a context menu would show. */
        void menuRequested(int line, double screenX, double screenY);
    }

    @Override
    public void install(CodeEditor editor) {
        area = editor.area();
        breakpoints = editor.breakpoints();
        executionMarker = new ParagraphClassMarker(area, EXECUTION_LINE_CLASS);
        digits.set(width(area.getParagraphs().size()));
        changes = area.multiPlainChanges().subscribe(list -> {
            if (list.isEmpty()) {
                return;
            }
            // set only when it changes, so typing within a line does not touch the visible numbers
            digits.set(width(area.getParagraphs().size()));
            var lines = LineChange.of(area, list);
            breakpoints.follow(lines);
            executionMarker.follow(lines);
            if (executionLine.get() > 0) {
                executionLine.set(executionMarker.marked() + 1);
            }
        });
        area.setParagraphGraphicFactory(this::graphic);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        changes.unsubscribe();
        executionMarker.mark(-1);
        executionLine.set(-1);
        area.setParagraphGraphicFactory(null);
    }

    /** Marks the line the debugger stands on (from 1) and scrolls it into view; -1 takes the mark away. */
    public void setExecutionLine(int line) {
        int paragraph = line >= 1 && line <= area.getParagraphs().size() ? line - 1 : -1;
        executionMarker.mark(paragraph);
        executionLine.set(paragraph + 1 > 0 ? paragraph + 1 : -1);
        if (paragraph >= 0) {
            area.showParagraphInViewport(paragraph);
        }
    }

    /** Who shows a menu on a secondary click in the breakpoint column; null (the default) for none. */
    public void setOnMarkerMenu(MarkerMenuHandler handler) {
        this.markerMenu = handler;
    }

    /** The execution line (from 1), -1 for none; it moves with its line as the text is edited. */
    public ReadOnlyIntegerProperty executionLineProperty() {
        return executionLine;
    }

    private Node graphic(int paragraph) {
        int line = paragraph + 1;

        Circle breakpoint = new Circle(4.5);
        breakpoint.getStyleClass().add("breakpoint-marker");
        breakpoint.visibleProperty().bind(Bindings.createBooleanBinding(() -> breakpoints.contains(line), breakpoints.lines()));
        Polygon arrow = new Polygon(0, 0, 6, 5, 0, 10);
        arrow.getStyleClass().add("execution-marker");
        arrow.visibleProperty().bind(executionLine.isEqualTo(line));
        StackPane markerArea = new StackPane(breakpoint, arrow);
        markerArea.setId("breakpoint-area-" + line);
        markerArea.getStyleClass().add("breakpoint-area");
        // pressing here must not move the caret or start a selection in the text
        markerArea.addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        markerArea.addEventHandler(MouseEvent.MOUSE_DRAGGED, MouseEvent::consume);
        markerArea.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                breakpoints.toggle(line);
            } else if (event.getButton() == MouseButton.SECONDARY && markerMenu != null) {
                markerMenu.menuRequested(line, event.getScreenX(), event.getScreenY());
            }
            event.consume();
        });

        Label number = new Label();
        number.getStyleClass().add("line-number");
        number.textProperty().bind(Bindings.createStringBinding(() -> pad(line, digits.get()), digits));

        HBox gutter = new HBox(markerArea, number);
        gutter.setAlignment(Pos.CENTER_LEFT);
        gutter.getStyleClass().add("gutter");
        return gutter;
    }

    private static int width(int lineCount) {
        return Math.max(2, Integer.toString(lineCount).length());
    }

    private static String pad(int line, int width) {
        String text = Integer.toString(line);
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
