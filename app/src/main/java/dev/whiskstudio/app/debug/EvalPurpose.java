package dev.whiskstudio.app.debug;

/**
 * Why an expression is evaluated: typed in the console (may have side effects, console helpers available), a watch
 * (re-evaluated at every pause, exceptions silenced), or a hover (must not change anything: code with side effects is
 * refused by the engine).
 */
public enum EvalPurpose {
    CONSOLE, WATCH, HOVER
}
