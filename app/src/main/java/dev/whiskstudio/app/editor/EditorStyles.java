package dev.whiskstudio.app.editor;

import java.net.URL;
import java.util.Objects;

/** Where the editor's own style sheet is; the editor adds it to itself, so a host needs nothing more. */
public final class EditorStyles {
    private EditorStyles() {
    }

    public static String sheet() {
        URL css = Objects.requireNonNull(EditorStyles.class.getResource("/dev/whiskstudio/app/editor/editor.css"),
                "editor.css is missing from the classpath");
        return css.toExternalForm();
    }
}
