package dev.whiskstudio.app.activations;

import java.net.URL;
import java.util.Objects;

/** The style sheet of the activations view; it uses only AtlantaFX's {@code -color-*} variables. */
public final class ActivationsStyleSheet {
    private ActivationsStyleSheet() {
    }

    public static String url() {
        URL css = Objects.requireNonNull(ActivationsStyleSheet.class.getResource("/dev/whiskstudio/app/activations.css"),
                "activations.css is missing from the classpath");
        return css.toExternalForm();
    }
}
