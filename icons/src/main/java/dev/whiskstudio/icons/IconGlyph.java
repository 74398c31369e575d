package dev.whiskstudio.icons;

/**
 * One icon as drawing data: SVG path data (the {@code d} attribute, non-zero fill rule) in the coordinates of its
 * view box. A toolkit scales the view box to the size it wants.
 */
public record IconGlyph(Icon icon, String pathData, ViewBox viewBox) {
}
