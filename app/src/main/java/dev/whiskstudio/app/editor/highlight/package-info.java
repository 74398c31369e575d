/**
 * Syntax highlighting: line lexers for JavaScript and JSON ({@link dev.whiskstudio.app.editor.highlight.Language}),
 * and {@link dev.whiskstudio.app.editor.highlight.JavaScriptHighlighter}, the editor feature that lexes off the UI
 * thread, one line at a time from the lexer state cached at each line start, so an edit re-lexes only the lines whose
 * tokens can have changed, and applies style spans for those lines alone.
 */
package dev.whiskstudio.app.editor.highlight;
