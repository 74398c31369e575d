/**
 * The invoke panel: a JSON parameters editor with live validation and remembered inputs per target and action,
 * blocking or non-blocking invocation off the FX thread, and the outcome (status, duration, cold or warm start, the
 * activation id, the result as a JSON tree, the logs). {@link dev.whiskstudio.app.invoke.InvokePanel} is the view;
 * {@link dev.whiskstudio.app.invoke.Invoker} is the blocking REST work; {@link dev.whiskstudio.app.invoke.InputHistory}
 * keeps earlier inputs in a JSON file; {@link dev.whiskstudio.app.invoke.ParamsEditor} lets the text editor be swapped.
 */
package dev.whiskstudio.app.invoke;
