package dev.whiskstudio.app.ui;

import dev.whiskstudio.icons.Icon;
import dev.whiskstudio.icons.IconGlyph;
import dev.whiskstudio.icons.IconSet;
import dev.whiskstudio.icons.ViewBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * An icon of the set as a node of a fixed size. The shape carries the style classes {@code icon-shape} and
 * {@code icon-<id>}, and the node {@code icon}, so the style sheet chooses the colour ({@code -fx-fill}).
 */
public final class IconGraphic extends Region {
    /** One set for the whole app: each file is read once. */
    private static final IconSet ICONS = new IconSet();

    private final SVGPath shape = new SVGPath();

    public IconGraphic(Icon icon, double size) {
        IconGlyph glyph = ICONS.glyph(icon);
        ViewBox box = glyph.viewBox();
        shape.setContent(glyph.pathData());
        shape.getStyleClass().addAll("icon-shape", "icon-" + icon.id());
        // scale the view box onto the node rather than the path's own bounds, so the icon keeps its padding
        shape.getTransforms().setAll(new Scale(size / box.width(), size / box.height(), 0, 0),
                new Translate(-box.minX(), -box.minY()));
        shape.setManaged(false);
        getChildren().add(shape);
        getStyleClass().add("icon");
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
    }

    public SVGPath shape() {
        return shape;
    }
}
