/**
 * The app's icon set: one SVG file per icon under {@code dev/whiskstudio/icons}, named in kebab case after what it
 * shows ({@code package-binding.svg}), plus the app icon rendered as PNG files for window and taskbar.
 *
 * <p>Every SVG has a {@code viewBox} of {@code 0 0 16 16} and exactly one {@code <path d="..."/>}, filled with the
 * non-zero rule (holes wind the other way), so a UI toolkit can draw it as one shape in whatever colour its theme
 * says. This package has no UI dependency: it hands out path data and view boxes, and the app turns them into nodes.
 */
package dev.whiskstudio.icons;
