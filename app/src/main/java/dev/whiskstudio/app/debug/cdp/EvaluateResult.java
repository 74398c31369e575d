package dev.whiskstudio.app.debug.cdp;

/** The result of an evaluation: the value, or what was thrown ({@code exceptionDetails} set). */
public record EvaluateResult(RemoteObject result, ExceptionDetails exceptionDetails) {
}
