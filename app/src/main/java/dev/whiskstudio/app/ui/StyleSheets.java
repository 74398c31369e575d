package dev.whiskstudio.app.ui;

import java.net.URL;
import java.util.Objects;

/** Where the app's own style sheet is; it sits on top of the AtlantaFX theme and uses its colour variables. */
public final class StyleSheets {
    private StyleSheets() {
    }

    public static String app() {
        URL css = Objects.requireNonNull(StyleSheets.class.getResource("/dev/whiskstudio/app/whisk-studio.css"),
                "whisk-studio.css is missing from the classpath");
        return css.toExternalForm();
    }
}
