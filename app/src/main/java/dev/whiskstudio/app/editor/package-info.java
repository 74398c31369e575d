/**
 * The code editor: {@link dev.whiskstudio.app.editor.CodeEditor}, a small host around RichTextFX's code area, and
 * the features that install themselves on it, each its own class ({@link dev.whiskstudio.app.editor.EditorFeature}):
 * indentation keys, the current line, bracket matching, go to line; highlighting, the gutter and find/replace live in
 * the sub-packages, files and tabs in {@code tabs}, crash recovery copies in {@code recovery}. Colours are in
 * {@code editor.css}, with AtlantaFX's variables.
 */
package dev.whiskstudio.app.editor;
