package dev.whiskstudio.app.debug.ui;

import java.net.URL;
import java.util.Objects;

/** Where the debugger views' style sheet is; the views add it to themselves, so a host needs nothing more. */
public final class DebugStyles {
    private DebugStyles() {
    }

    public static String sheet() {
        URL css = Objects.requireNonNull(DebugStyles.class.getResource("/dev/whiskstudio/app/debug.css"),
                "debug.css is missing from the classpath");
        return css.toExternalForm();
    }
}
