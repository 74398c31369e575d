package dev.whiskstudio.app.debug.cdp;

/**
 * {@code Debugger.evaluateOnCallFrame}: evaluates in a paused frame's scope. {@code throwOnSideEffect} refuses code
 * that would change state (for hovering); {@code timeout} (ms) stops an expression that runs away; the result is an
 * {@link EvaluateResult}.
 */
public record EvaluateOnCallFrame(String callFrameId, String expression, String objectGroup,
                                  Boolean includeCommandLineAPI, Boolean silent, Boolean returnByValue,
                                  Boolean generatePreview, Boolean throwOnSideEffect, Double timeout) {
    public static final String METHOD = "Debugger.evaluateOnCallFrame";
}
