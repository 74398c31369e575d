/**
 * Find and replace: {@link dev.whiskstudio.app.editor.find.TextSearch} finds every match of a
 * {@link dev.whiskstudio.app.editor.find.SearchQuery} (text or regular expression, case, whole word) and plans
 * replacements, with readable messages for a bad pattern; {@link dev.whiskstudio.app.editor.find.FindReplaceBar} is
 * the bar above the editor that searches off the FX thread and replaces all matches as one undoable edit.
 */
package dev.whiskstudio.app.editor.find;
