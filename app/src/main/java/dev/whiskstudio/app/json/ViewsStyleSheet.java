package dev.whiskstudio.app.json;

import java.net.URL;
import java.util.Objects;

/**
 * The style sheet of the workspace views (JSON tree, explorer, invoke panel). Each view adds it to itself, so a view
 * looks right wherever it is put; it uses only AtlantaFX's {@code -color-*} variables, so light and dark both work.
 */
public final class ViewsStyleSheet {
    private ViewsStyleSheet() {
    }

    public static String url() {
        URL css = Objects.requireNonNull(ViewsStyleSheet.class.getResource("/dev/whiskstudio/app/views.css"),
                "views.css is missing from the classpath");
        return css.toExternalForm();
    }
}
