package dev.whiskstudio.app.editor.find;

/** One planned replacement: the text at {@code [start, end)} becomes {@code text}. */
public record Replacement(int start, int end, String text) {
}
