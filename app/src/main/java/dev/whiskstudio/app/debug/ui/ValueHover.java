package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.EvalPurpose;
import dev.whiskstudio.app.debug.StackFrame;
import dev.whiskstudio.app.editor.EditorArea;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.TwoDimensional;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Shows the value of the name under the mouse in one editor while the program is paused in that file: evaluated in the
 * selected frame as a hover (the engine refuses code with side effects), bounded in time, shown in a small popup until the
 * mouse moves on or the program resumes.
 */
final class ValueHover {
    static final java.time.Duration DELAY = java.time.Duration.ofMillis(400);
    static final long TIMEOUT_MILLIS = 2_000;
    /** Where the highlighter says there is no name to read. */
    private static final Set<String> NOT_CODE = Set.of("string", "comment", "regex", "number", "keyword", "literal");

    private final EditorArea area;
    private final Path file;
    private final DebugContext context;
    private final Tooltip popup = new Tooltip();
    private final EventHandler<MouseOverTextEvent> begin = this::begin;
    private final EventHandler<MouseOverTextEvent> end = e -> hide();
    private final ChangeListener<Object> pauseChange = (obs, old, now) -> hide();
    /** Counts hovers; an answer for an earlier one is dropped. */
    private long hoverCount;

    ValueHover(EditorArea area, Path file, DebugContext context) {
        this.area = area;
        this.file = file;
        this.context = context;
        popup.setId("debug-hover");
        popup.getStyleClass().add("debug-hover");
        popup.setWrapText(true);
        popup.setMaxWidth(520);
        popup.setShowDelay(Duration.ZERO);
        area.setMouseOverTextDelay(DELAY);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, begin);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, end);
        context.pausedProperty().addListener(pauseChange);
        context.selectedFrameProperty().addListener(pauseChange);
    }

    void dispose() {
        hide();
        area.setMouseOverTextDelay(null);
        area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, begin);
        area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, end);
        context.pausedProperty().removeListener(pauseChange);
        context.selectedFrameProperty().removeListener(pauseChange);
    }

    private void begin(MouseOverTextEvent e) {
        long thisHover = ++hoverCount;
        DebugSession session = context.currentSession().orElse(null);
        StackFrame frame = context.selectedFrame();
        if (session == null || frame == null || frame.userLocation() == null
                || !frame.userLocation().file().equals(file)) {
            // names of this file mean nothing in a frame of another
            return;
        }
        Optional<String> expression = expressionAt(e.getCharacterIndex());
        if (expression.isEmpty()) {
            return;
        }
        Point2D at = e.getScreenPosition();
        String text = expression.get();
        var evaluation = session.evaluate(text, frame, EvalPurpose.HOVER).orTimeout(TIMEOUT_MILLIS,
                TimeUnit.MILLISECONDS);
        FxFutures.whenDone(evaluation, (result, error) -> {
            if (thisHover != hoverCount || context.selectedFrame() != frame) {
                return;
            }
            if (error != null || result.thrown()) {
                // a name not in scope, or a refused side effect: no popup, as a debugger's hover does
                return;
            }
            popup.setText(text + " = " + result.value().text());
            if (area.getScene() != null && area.getScene().getWindow() != null) {
                popup.show(area, at.getX() + 8, at.getY() + 14);
            }
        });
    }

    Optional<String> expressionAt(int index) {
        if (index < 0 || index >= area.getLength()) {
            return Optional.empty();
        }
        Collection<String> style = area.getStyleOfChar(index);
        if (style.stream().anyMatch(NOT_CODE::contains)) {
            return Optional.empty();
        }
        TwoDimensional.Position at = area.offsetToPosition(index, TwoDimensional.Bias.Forward);
        return HoverExpression.at(area.getParagraph(at.getMajor()).getText(), at.getMinor());
    }

    private void hide() {
        hoverCount++;
        popup.hide();
    }

    Tooltip popup() {
        return popup;
    }
}
