package dev.whiskstudio.app.activations.timeline;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.List;
import java.util.function.Function;

/**
 * The colours and font the timeline paints its canvas with, taken from CSS: an empty, unseen node styled as
 * {@code .timeline-palette}, whose {@code -timeline-*} properties the style sheet sets from the theme's
 * {@code -color-*} variables, so light and dark themes both work. The colours in the code are only fallbacks for a
 * scene without the style sheet.
 */
final class TimelinePalette extends Region {
    private static final StyleablePropertyFactory<TimelinePalette> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    final StyleableObjectProperty<Color> background = color("background", "-timeline-background", p -> p.background, Color.WHITE);
    final StyleableObjectProperty<Color> stripe = color("stripe", "-timeline-stripe", p -> p.stripe, Color.WHITESMOKE);
    final StyleableObjectProperty<Color> grid = color("grid", "-timeline-grid", p -> p.grid, Color.GAINSBORO);
    final StyleableObjectProperty<Color> border = color("border", "-timeline-border", p -> p.border, Color.SILVER);
    final StyleableObjectProperty<Color> axisBackground = color("axisBackground", "-timeline-axis-background", p -> p.axisBackground, Color.WHITESMOKE);
    final StyleableObjectProperty<Color> axisText = color("axisText", "-timeline-axis-text", p -> p.axisText, Color.DIMGRAY);
    final StyleableObjectProperty<Color> laneText = color("laneText", "-timeline-lane-text", p -> p.laneText, Color.BLACK);
    final StyleableObjectProperty<Color> barText = color("barText", "-timeline-bar-text", p -> p.barText, Color.WHITE);
    final StyleableObjectProperty<Color> wait = color("wait", "-timeline-wait", p -> p.wait, Color.LIGHTGRAY);
    final StyleableObjectProperty<Color> coldInit = color("coldInit", "-timeline-cold-init", p -> p.coldInit, Color.BISQUE);
    final StyleableObjectProperty<Color> cold = color("cold", "-timeline-cold", p -> p.cold, Color.DARKORANGE);
    final StyleableObjectProperty<Color> prewarmInit = color("prewarmInit", "-timeline-prewarm-init", p -> p.prewarmInit, Color.LIGHTSKYBLUE);
    final StyleableObjectProperty<Color> prewarm = color("prewarm", "-timeline-prewarm", p -> p.prewarm, Color.ROYALBLUE);
    final StyleableObjectProperty<Color> warm = color("warm", "-timeline-warm", p -> p.warm, Color.SEAGREEN);
    final StyleableObjectProperty<Color> unknown = color("unknown", "-timeline-unknown", p -> p.unknown, Color.GRAY);
    final StyleableObjectProperty<Color> error = color("error", "-timeline-error", p -> p.error, Color.CRIMSON);
    final StyleableObjectProperty<Color> selection = color("selection", "-timeline-selection", p -> p.selection, Color.BLACK);
    final StyleableObjectProperty<Color> now = color("now", "-timeline-now", p -> p.now, Color.DODGERBLUE);
    final StyleableObjectProperty<Font> font =
            (StyleableObjectProperty<Font>) CSS.createStyleableFontProperty(this, "font", "-fx-font", p -> p.font, Font.getDefault());

    TimelinePalette() {
        getStyleClass().add("timeline-palette");
        setManaged(false);
        setMouseTransparent(true);
        resize(0, 0);
    }

    /** Calls {@code onChange} whenever CSS changes a colour or the font (a theme switch, say). */
    void onChange(Runnable onChange) {
        InvalidationListener listener = observable -> onChange.run();
        for (ObservableValue<?> value : List.of(background, stripe, grid, border, axisBackground, axisText, laneText,
                barText, wait, coldInit, cold, prewarmInit, prewarm, warm, unknown, error, selection, now, font)) {
            value.addListener(listener);
        }
    }

    Color run(TimelineBar.StartKind kind) {
        return switch (kind) {
            case COLD -> cold.get();
            case PREWARM -> prewarm.get();
            case WARM -> warm.get();
            case UNKNOWN -> unknown.get();
        };
    }

    Color init(TimelineBar.StartKind kind) {
        return kind == TimelineBar.StartKind.PREWARM ? prewarmInit.get() : coldInit.get();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    private StyleableObjectProperty<Color> color(String name, String cssName,
                                                 Function<TimelinePalette, StyleableProperty<Color>> self,
                                                 Color fallback) {
        // the factory makes SimpleStyleableObjectProperty instances, typed by their interface only
        return (StyleableObjectProperty<Color>) CSS.createStyleableColorProperty(this, name, cssName, self, fallback);
    }
}
