package dev.whiskstudio.app.json;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts plain text on the system clipboard; views take it as a {@code Consumer<String>} so a test can swap it. */
public final class ClipboardText {
    private ClipboardText() {
    }

    /** Call on the FX thread. */
    public static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
