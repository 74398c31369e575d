package dev.whiskstudio.app.editor;

import javafx.scene.input.Clipboard;
import org.fxmisc.richtext.CodeArea;

/**
 * The code area, pasting plain text only: RichTextFX would otherwise paste the copied paragraphs' style classes too,
 * and a "current line" or "execution line" class would turn up on a second line.
 */
public final class EditorArea extends CodeArea {
    EditorArea() {
        setId("code-area");
    }

    @Override
    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasString()) {
            String text = clipboard.getString().replace("\r\n", "\n").replace('\r', '\n');
            if (!text.isEmpty()) {
                replaceSelection(text);
                requestFollowCaret();
            }
        }
    }
}
